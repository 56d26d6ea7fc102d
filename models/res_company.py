# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# What confirming a quotation does when a check finds a problem.
CONFIRM_POLICIES = [
    ("warn", "Warn"),
    ("block", "Block"),
    ("approval", "Require a manager's approval"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    # ---- customer visits (settings: Field Sales > Visits)
    sow_visit_require_attendance = fields.Boolean(
        string="Visits Need a Clocked-in Day",
        default=True,
        help="Refuse a check-in at a customer when the rep has not clocked in.",
    )
    sow_clock_out_open_visit = fields.Selection(
        [
            ("auto", "Check the visit out automatically (flagged)"),
            ("refuse", "Refuse the clock-out"),
        ],
        string="Clock-out with an Open Visit",
        default="auto",
        required=True,
    )
    sow_visit_radius = fields.Integer(
        string="Verification Radius (m)",
        default=200,
        help="A check-in within this distance of the customer's stored "
        "coordinates is verified; beyond it, it is outside the radius.",
    )
    sow_visit_accuracy_threshold = fields.Integer(
        string="GPS Accuracy Threshold (m)",
        default=100,
        help="A check-in whose GPS accuracy is worse (larger) than this is flagged.",
    )
    sow_visit_max_speed = fields.Integer(
        string="Maximum Plausible Speed (km/h)",
        default=120,
        help="A check-in that implies a faster trip from the rep's previous known "
        "position (check-out or clock-in) is flagged.",
    )

    # ---- confirming a quotation (settings: Field Sales > Quotations)
    sow_stock_confirm_policy = fields.Selection(
        CONFIRM_POLICIES,
        string="Confirming With Too Little Stock",
        default="warn",
        required=True,
        help="What confirming a quotation does when a line's warehouse has less free "
        "stock than the line needs: warn (the user confirms anyway, the order's "
        "chatter says so), block (no confirmation until the stock is there), or "
        "require a manager's approval (recorded on the order: who, when and why).",
    )
    sow_credit_confirm_policy = fields.Selection(
        CONFIRM_POLICIES,
        string="Confirming Over Credit",
        default="warn",
        required=True,
        help="What confirming a quotation does when the customer's exposure (open "
        "receivables, confirmed orders not yet invoiced and this order) is over "
        "its credit limit, or it has invoices overdue: warn, block, or require a "
        "manager's approval. Credit limits are checked when the company uses them "
        "(Sales Credit Limit); overdue invoices when the setting below is on.",
    )
    sow_credit_check_overdue = fields.Boolean(
        string="Hold Customers With Overdue Invoices",
        help="A customer with posted invoices still unpaid this many days after "
        "their due date is held like one over its credit limit.",
    )
    sow_credit_overdue_days = fields.Integer(
        string="Overdue By More Than (Days)",
        default=30,
        help="0: any invoice past its due date counts.",
    )

    @api.constrains(
        "sow_visit_radius", "sow_visit_accuracy_threshold", "sow_visit_max_speed"
    )
    def _check_sow_visit_settings(self):
        for company in self:
            for field_name in (
                "sow_visit_radius",
                "sow_visit_accuracy_threshold",
                "sow_visit_max_speed",
            ):
                if company[field_name] <= 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s of %(company)s must be more than zero.",
                            setting=self._fields[field_name]._description_string(
                                self.env
                            ),
                            company=company.name,
                        )
                    )

    @api.constrains("sow_credit_overdue_days")
    def _check_sow_credit_overdue_days(self):
        for company in self:
            if company.sow_credit_overdue_days < 0:
                raise ValidationError(
                    self.env._(
                        "Overdue days of %(company)s cannot be negative; use 0 to "
                        "count every invoice past its due date.",
                        company=company.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        for company in companies:
            self.env["sale.visit"]._sow_sequence(company)
        companies._sow_collection_receipt_sequence()
        return companies

    @api.model
    def _sow_create_visit_sequences(self):
        """At install: every existing company gets its visit numbering."""
        for company in self.search([]):
            self.env["sale.visit"]._sow_sequence(company)
        return True

    @api.model
    def _sow_demo_load_chart(self, company_ids):
        """Give the demo companies a chart of accounts (demo data only).

        The Malaysian chart (``l10n_my``) when that module is installed,
        Odoo's generic chart otherwise. ``try_loading`` refuses to run quietly
        before the registry is fully loaded, because a module loaded later could
        still add chart data; our dependencies (account and all it needs) are
        loaded by the time our demo data is, so the template's loader is called
        directly.
        """
        has_my = bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", "l10n_my"), ("state", "=", "installed")]
            )
        )
        template = "my" if has_my else "generic_coa"
        charts = self.env["account.chart.template"]
        for company in self.browse(company_ids):
            if not company.chart_template:
                charts._load(template, company, install_demo=False)
        return True

    @api.model
    def _sow_demo_adopt_warehouse(self, company_id, xmlid):
        """Demo data only: let ``xmlid`` name the warehouse the company already
        has, so that the demo's first warehouse is that one (renamed by the
        record that follows), not a second, empty one beside it. Odoo gives a
        new company a warehouse while demo data is loaded."""
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company_id)], order="id", limit=1
        )
        if warehouse and not self.env.ref(xmlid, raise_if_not_found=False):
            module, name = xmlid.split(".")
            self.env["ir.model.data"].create(
                {
                    "module": module,
                    "name": name,
                    "model": "stock.warehouse",
                    "res_id": warehouse.id,
                    "noupdate": True,
                }
            )
        return True

    # ------------------------------------------------------------ collections
    # The journal each collection method posts into (Settings > Field Sales).
    # Empty means: the company's first cash journal for cash, its first bank
    # journal for everything else (see _sow_collection_journal).
    sow_collection_journal_cash_id = fields.Many2one(
        "account.journal",
        string="Cash Collections Journal",
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    sow_collection_journal_cheque_id = fields.Many2one(
        "account.journal",
        string="Cheque Collections Journal",
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    sow_collection_journal_bank_transfer_id = fields.Many2one(
        "account.journal",
        string="Bank Transfer Collections Journal",
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    sow_collection_journal_ewallet_id = fields.Many2one(
        "account.journal",
        string="E-wallet Collections Journal",
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    sow_collection_journal_card_id = fields.Many2one(
        "account.journal",
        string="Card Collections Journal",
        domain="[('type', 'in', ('cash', 'bank'))]",
    )
    sow_pdc_auto_post = fields.Boolean(
        string="Post Due Post-dated Cheques Automatically",
        default=True,
        help="Every morning, post-dated cheques that the office has received and "
        "whose date has come are posted as payments. When off, the officer who "
        "received the cheque gets an activity to post it by hand.",
    )

    def _sow_collection_journal(self, method):
        """The journal a collection paid by ``method`` is posted into."""
        self.ensure_one()
        journal = self[f"sow_collection_journal_{method}_id"]
        if not journal:
            journal = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(self),
                    ("type", "=", "cash" if method == "cash" else "bank"),
                ],
                limit=1,
            )
        return journal

    def _sow_collection_receipt_sequence(self):
        """The gapless receipt sequence of each company in self, created when
        missing (OR/2026/00001, restarting every year).

        Returns the sequences, in the order of self.
        """
        sequences = self.env["ir.sequence"]
        for company in self:
            # sudo: reps draw receipt numbers but may not create sequences;
            # this only ever creates the company's own receipt sequence.
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .search(
                    [
                        ("code", "=", "sale.collection"),
                        ("company_id", "=", company.id),
                    ],
                    limit=1,
                )
            )
            if not sequence:
                sequence = (
                    self.env["ir.sequence"]
                    .sudo()
                    .create(
                        {
                            "name": self.env._(
                                "Official Receipts (%(company)s)",
                                company=company.name,
                            ),
                            "code": "sale.collection",
                            "company_id": company.id,
                            "implementation": "no_gap",
                            "prefix": "OR/%(range_year)s/",
                            "padding": 5,
                            "use_date_range": True,
                        }
                    )
                )
            sequences |= sequence
        return sequences

    @api.model
    def _sow_init_collection_sequences(self):
        """Install: a receipt sequence for every existing company."""
        self.search([])._sow_collection_receipt_sequence()
        return True
