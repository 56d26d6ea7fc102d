# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging
import re

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import split_every

from ..accounting_formats import get_package
from ..accounting_formats.background import new_checker
from ..accounting_formats.common import ERROR, WARNING, ascii_fold
from ..accounting_formats.layouts import (
    CODE_LIMITS,
    CUSTOMER_CODE_STYLE,
    EMAS_HEADER_MAP,
    EMAS_LINE_MAP,
)
from ..accounting_formats.package import record_label
from ..accounting_formats.registry import KINDS

_logger = logging.getLogger(__name__)

PACKAGES = [
    ("autocount", "AutoCount Accounting 2.x"),
    ("autocount_cloud", "AutoCount Cloud Accounting"),
    ("sql_account", "SQL Account"),
    ("emas", "EMAS"),
]
KIND_FIELDS = {
    "customer": "export_customers",
    "item": "export_items",
    "invoice": "export_invoices",
    "credit_note": "export_credit_notes",
    "payment": "export_payments",
}
DEFAULTS = {
    # control account, default terms
    "autocount": ("300-0000", "C.O.D."),
    "autocount_cloud": ("300-0000", "C.O.D."),
    "sql_account": ("300-000", "C.O.D."),
    "emas": ("", ""),
}


CHUNK = 500  # records built at a time: memory stays flat however many
# documents handed to the checker at a time: a child process starts on the
# first ones sooner, and has fewer left once the last are built
HANDED = 100
# records from which a child process checks and writes them (see
# accounting_formats.background): below, forking costs more than it saves
FORK_FROM = 1000


class ExportPlan:
    """What an export would write, without holding the documents: per kind
    the records' ids with the fingerprint and status (new, changed, again)
    of what they would write, what it leaves out, and every problem."""

    def __init__(self, connector, kinds, date_from, date_to, only_new_or_changed):
        self.connector = connector
        self.kinds = kinds
        self.date_from = date_from
        self.date_to = date_to
        self.only_new_or_changed = only_new_or_changed
        self.models = {}  # kind -> model name
        # kind -> [(res_id, checksum, status, previous line id, number or
        # code, name, amount)]
        self.items = {}
        self.skipped = {}  # kind -> count of unchanged records left out
        self.problems = []
        # the package's checks and files (a Checker, or a ForkedChecker in
        # a child process), written as the documents are built: the export
        # names and dates them, without building anything again
        self.checker = None

    @property
    def errors(self):
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self):
        return [p for p in self.problems if p.severity == WARNING]

    def count(self, kind, status=None):
        return sum(1 for item in self.items.get(kind, ()) if status in (None, item[2]))

    @property
    def total(self):
        return sum(len(items) for items in self.items.values())

    @property
    def previous_line_ids(self):
        return [item[3] for items in self.items.values() for item in items if item[3]]


class AccountingConnector(models.Model):
    _name = "accounting.connector"
    _description = "Accounting Connector"
    _inherit = ["mail.thread"]
    _check_company_auto = True
    _order = "company_id, sequence, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    package = fields.Selection(PACKAGES, required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")

    # file settings
    file_format = fields.Selection(
        [("xls", "Excel 97-2003 (.xls)"), ("xlsx", "Excel (.xlsx)")],
        default="xls",
        help="AutoCount ships its import templates as .xls; whether your "
        "AutoCount build also reads .xlsx, ask your dealer.",
    )
    control_account = fields.Char(
        help="The debtors' control account in the package (e.g. 300-000).",
    )
    default_terms = fields.Char(
        help="Terms code for customers and invoices without a payment term "
        "(e.g. C.O.D.).",
    )
    default_uom = fields.Char(
        string="Default Unit", default="UNIT", help="Unit code for unmapped units."
    )
    customer_code_prefix = fields.Char(
        help="Generated customer codes are this prefix, the first letter of "
        "the name and a counter (e.g. 300-A0001).",
    )
    customer_code_digits = fields.Integer(default=4)
    emas_codepage = fields.Selection(
        [
            ("cp1252", "Western (1252)"),
            ("cp936", "Simplified Chinese (GBK, 936)"),
            ("cp950", "Traditional Chinese (Big5, 950)"),
            ("cp874", "Thai (874)"),
            ("cp437", "DOS (437)"),
        ],
        string="EMAS Code Page",
        default="cp1252",
    )
    emas_user = fields.Char(string="EMAS User", default="admin")
    emas_header_account = fields.Char(
        string="EMAS Header Account",
        help="ACCNO/POSTACCNO of the document header; empty = the first "
        "line's sales account.",
    )
    emas_compact_numbers = fields.Boolean(
        string="EMAS Compact Numbers",
        default=True,
        help="EMAS holds 11 characters in a document number: write Odoo's "
        "INV/2025/00001 as INV2500001.",
    )
    emas_field_map = fields.Text(
        string="EMAS Field Map",
        help="JSON that overrides which DBF field holds what, e.g. "
        '{"header": {"po_number": "REF2"}, "lines": {"description2": "dfield1"}}. '
        "An empty field name leaves that value out.",
    )

    # mappings
    partner_code_ids = fields.One2many(
        "accounting.connector.partner", "connector_id", string="Customer Codes"
    )
    product_code_ids = fields.One2many(
        "accounting.connector.product", "connector_id", string="Item Codes"
    )
    account_ids = fields.One2many(
        "accounting.connector.account", "connector_id", string="Sales Accounts"
    )
    journal_ids = fields.One2many(
        "accounting.connector.journal", "connector_id", string="Payment Methods"
    )
    tax_ids = fields.One2many(
        "accounting.connector.tax", "connector_id", string="Tax Codes"
    )
    uom_ids = fields.One2many(
        "accounting.connector.uom", "connector_id", string="Units"
    )
    term_ids = fields.One2many(
        "accounting.connector.term", "connector_id", string="Terms"
    )
    agent_ids = fields.One2many(
        "accounting.connector.agent", "connector_id", string="Agents"
    )
    area_ids = fields.One2many(
        "accounting.connector.area", "connector_id", string="Areas"
    )

    # exports
    batch_ids = fields.One2many("accounting.export.batch", "connector_id")
    batch_count = fields.Integer(compute="_compute_batch_count")
    supported_kinds = fields.Char(compute="_compute_supported_kinds")
    export_customers = fields.Boolean(string="Customers", default=True)
    export_items = fields.Boolean(string="Items", default=True)
    export_invoices = fields.Boolean(string="Invoices", default=True)
    export_credit_notes = fields.Boolean(string="Credit Notes", default=True)
    export_payments = fields.Boolean(string="Payments", default=True)
    schedule_active = fields.Boolean(
        string="Scheduled Export",
        tracking=True,
        help="Export new and changed documents on a schedule; the files wait "
        "on the batch for someone to import them.",
    )
    schedule_interval = fields.Selection(
        [("daily", "Every day"), ("weekly", "Every week"), ("monthly", "Every month")],
        default="daily",
        required=True,
    )
    schedule_next_run = fields.Datetime(string="Next Scheduled Export")
    schedule_last_run = fields.Datetime(string="Last Scheduled Export", readonly=True)

    _sql_constraints = [
        (
            "package_company_unique",
            "unique(company_id, package)",
            "A company has one connector per accounting package.",
        ),
    ]

    # ------------------------------------------------------------- computes
    def _compute_batch_count(self):
        counts = dict(
            self.env["accounting.export.batch"]._read_group(
                [("connector_id", "in", self.ids)], ["connector_id"], ["__count"]
            )
        )
        for connector in self:
            connector.batch_count = counts.get(connector, 0)

    @api.depends("package")
    def _compute_supported_kinds(self):
        labels = dict(self.env["accounting.export.batch"]._sow_kind_selection())
        for connector in self:
            kinds = connector._sow_kinds()
            connector.supported_kinds = ", ".join(labels[k] for k in kinds)

    @api.onchange("package")
    def _onchange_package(self):
        if not self.package:
            return
        control, terms = DEFAULTS[self.package]
        prefix, digits = CUSTOMER_CODE_STYLE[self.package]
        self.control_account = control
        self.default_terms = terms
        self.customer_code_prefix = prefix
        self.customer_code_digits = digits
        self.file_format = "xls" if self.package == "autocount" else "xlsx"
        if not self.name:
            self.name = dict(PACKAGES)[self.package]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            package = vals.get("package")
            if package in DEFAULTS:
                control, terms = DEFAULTS[package]
                prefix, digits = CUSTOMER_CODE_STYLE[package]
                vals.setdefault("control_account", control)
                vals.setdefault("default_terms", terms)
                vals.setdefault("customer_code_prefix", prefix)
                vals.setdefault("customer_code_digits", digits)
                if package != "autocount":
                    vals.setdefault("file_format", "xlsx")
        return super().create(vals_list)

    @api.constrains("emas_field_map")
    def _check_emas_field_map(self):
        for connector in self:
            connector._sow_emas_maps()

    @api.constrains("customer_code_prefix", "customer_code_digits", "package")
    def _check_customer_code_style(self):
        for connector in self:
            limit = CODE_LIMITS[connector.package]["customer"]
            length = len(connector.customer_code_prefix or "") + 1
            length += connector.customer_code_digits
            if connector.customer_code_digits < 1 or length > limit:
                raise ValidationError(
                    self.env._(
                        "Generated customer codes would be %(length)s characters "
                        "long; %(package)s takes %(limit)s. Shorten the prefix or "
                        "use fewer digits.",
                        length=length,
                        package=connector._package_label(),
                        limit=limit,
                    )
                )

    # ------------------------------------------------------------- helpers
    def _package_label(self):
        self.ensure_one()
        return dict(self._fields["package"]._description_selection(self.env))[
            self.package
        ]

    def _sow_kinds(self):
        """The document kinds this package has an import file for."""
        self.ensure_one()
        if self.package == "autocount_cloud":
            return ()
        return tuple(k for k in KINDS if k in get_package(self.package).kinds)

    def _sow_package(self):
        self.ensure_one()
        if self.package == "autocount_cloud":
            raise UserError(
                self.env._(
                    "AutoCount Cloud Accounting imports through its API, which this "
                    "version does not talk to yet. Export for AutoCount Accounting "
                    "2.x files, or wait for the API connector."
                )
            )
        return get_package(self.package)

    def _sow_emas_maps(self):
        self.ensure_one()
        if not self.emas_field_map:
            return {}, {}
        try:
            data = json.loads(self.emas_field_map)
            header, lines = data.get("header", {}), data.get("lines", {})
            assert isinstance(header, dict) and isinstance(lines, dict)
        except (ValueError, AssertionError, AttributeError) as error:
            raise ValidationError(
                self.env._(
                    "The EMAS field map is not valid JSON of the form "
                    '{"header": {...}, "lines": {...}}: %(error)s',
                    error=error,
                )
            ) from error
        for key in header:
            if key not in EMAS_HEADER_MAP:
                raise ValidationError(
                    self.env._(
                        "The EMAS field map has an unknown header value “%s”.", key
                    )
                )
        for key in lines:
            if key not in EMAS_LINE_MAP:
                raise ValidationError(
                    self.env._(
                        "The EMAS field map has an unknown line value “%s”.", key
                    )
                )
        return header, lines

    def _sow_options(self):
        self.ensure_one()
        if self.package == "emas":
            header, lines = self._sow_emas_maps()
            return {
                "codepage": self.emas_codepage or "cp1252",
                "header_map": header,
                "line_map": lines,
                "user": self.emas_user or "admin",
                "header_account": self.emas_header_account or "",
                "home_currency": self.company_id.currency_id.name,
                "archive": True,
            }
        return {"file_format": self.file_format or "xlsx"}

    @api.model
    def _sow_mapping_fields(self):
        return [
            ("partner", "accounting.connector.partner", "partner_id"),
            ("product", "accounting.connector.product", "product_id"),
            ("account", "accounting.connector.account", "account_id"),
            ("journal", "accounting.connector.journal", "journal_id"),
            ("tax", "accounting.connector.tax", "tax_id"),
            ("uom", "accounting.connector.uom", "uom_id"),
            ("term", "accounting.connector.term", "payment_term_id"),
            ("agent", "accounting.connector.agent", "user_id"),
            ("area", "accounting.connector.area", "state_id"),
        ]

    def _sow_mapping_labels(self):
        _ = self.env._
        return {
            "partner": (_("customer code"), _("Customer Codes")),
            "product": (_("item code"), _("Item Codes")),
            "account": (_("sales account code"), _("Sales Accounts")),
            "journal": (_("payment method"), _("Payment Methods")),
            "tax": (_("tax code"), _("Tax Codes")),
            "uom": (_("unit code"), _("Units")),
            "term": (_("terms code"), _("Terms")),
            "agent": (_("agent code"), _("Agents")),
            "area": (_("area code"), _("Areas")),
        }

    # -------------------------------------------------------- code makers
    def _sow_generate_customer_codes(self, partners):
        """Codes in the package's style for the partners that have none."""
        self.ensure_one()
        partners = partners.commercial_partner_id
        existing = self.partner_code_ids
        have = set(existing.partner_id.ids)
        prefix = self.customer_code_prefix or ""
        digits = self.customer_code_digits
        pattern = re.compile(rf"^{re.escape(prefix)}([A-Z0-9])(\d{{{digits}}})$")
        last = {}
        for code in existing.mapped("code"):
            match = pattern.match(code)
            if match:
                letter, count = match.group(1), int(match.group(2))
                last[letter] = max(last.get(letter, 0), count)
        vals = []
        for partner in partners.sorted(lambda p: (p.name or "", p.id)):
            if partner.id in have:
                continue
            letters = [c for c in ascii_fold(partner.name or "").upper() if c.isalnum()]
            letter = letters[0] if letters else "X"
            number = last.get(letter, 0) + 1
            if number >= 10**digits:
                raise UserError(
                    self.env._(
                        "Customer codes %(prefix)s%(letter)s… are used up "
                        "(%(digits)s digits); give %(partner)s a code by hand or "
                        "use more digits.",
                        prefix=prefix,
                        letter=letter,
                        digits=digits,
                        partner=partner.display_name,
                    )
                )
            last[letter] = number
            have.add(partner.id)
            vals.append(
                {
                    "connector_id": self.id,
                    "partner_id": partner.id,
                    "code": f"{prefix}{letter}{number:0{digits}d}",
                }
            )
        return self.env["accounting.connector.partner"].create(vals)

    def _sow_generate_item_codes(self, products):
        """Item codes from the products' internal references; the products
        without one (or with one too long) are returned, to be coded by hand."""
        self.ensure_one()
        limit = CODE_LIMITS[self.package]["item"]
        have = set(self.product_code_ids.product_id.ids)
        used = set(self.product_code_ids.mapped("code"))
        vals, left = [], self.env["product.product"]
        for product in products:
            if product.id in have:
                continue
            code = (product.default_code or "").strip()
            if not code or len(code) > limit or code in used:
                left |= product
                continue
            used.add(code)
            vals.append(
                {"connector_id": self.id, "product_id": product.id, "code": code}
            )
        self.env["accounting.connector.product"].create(vals)
        return left

    # ------------------------------------------------------------ planning
    def _sow_plan(self, kinds, date_from=None, date_to=None, only_new_or_changed=True):
        """Everything an export would write, and why it could not.

        Records are built and checked CHUNK at a time and only their
        fingerprints are kept, so 10,000 invoices take the memory of 500.
        """
        self.ensure_one()
        plan = ExportPlan(self, kinds, date_from, date_to, only_new_or_changed)
        supported = self._sow_kinds()
        if self.package == "autocount_cloud":
            try:
                self._sow_package()
            except UserError as error:
                plan.problems.append(af_problem(self.name, str(error)))
                return plan
        labels = dict(self.env["accounting.export.batch"]._sow_kind_selection())
        for kind in kinds:
            if kind not in supported:
                plan.problems.append(
                    af_problem(
                        labels[kind],
                        self.env._(
                            "%(package)s has no import file for %(kind)s",
                            package=self._package_label(),
                            kind=labels[kind].lower(),
                        ),
                        self.env._("untick it"),
                    )
                )
        kinds = [k for k in kinds if k in supported]
        builder = self.env["accounting.export.builder"]
        groups = builder._sow_collect(self, kinds, date_from, date_to)
        resolver = builder._sow_resolver(self)
        package = self._sow_package()
        options = package.options(self._sow_options())
        # the package's checks and files in a child process when there are
        # enough records for it to pay (a context key forces either way)
        fork = self.env.context.get("sow_export_fork")
        if fork is None:
            fork = sum(len(records) for records in groups.values()) >= FORK_FROM
        # the checker fingerprints each document and leaves out the unchanged
        # ones when asked: plan.items is made of its answers, below
        plan.checker = new_checker(
            package, options, fork=fork, skip_unchanged=only_new_or_changed
        )
        Line = self.env["accounting.export.batch.line"]
        sent = {}  # kind -> [(record id, its last line, its batch line's values)]
        unmapped = set()  # documents with a missing mapping
        for kind, records in groups.items():
            plan.models[kind] = records._name
            sent[kind] = kind_sent = []
            for ids in split_every(CHUNK, records.ids):
                chunk = records.browse(ids)
                last = Line._sow_last_lines(self, kind, chunk)
                documents, previous = [], []
                for record in chunk:
                    before = resolver.missing_total
                    document = builder._sow_document(resolver, kind, record, draft=True)
                    if resolver.missing_total > before:
                        unmapped.add(record_label(document))
                    line = last.get(record.id)
                    kind_sent.append((record.id, line, _describe(document)))
                    documents.append(document)
                    previous.append(line and line["checksum"])
                    if len(documents) == HANDED:
                        # fingerprinted, checked (the package's own checks, on
                        # every document written) and written now (unless one
                        # failed), never built again
                        plan.checker.add(kind, documents, previous)
                        documents, previous = [], []
                if documents:
                    plan.checker.add(kind, documents, previous)
                resolver.forget()
                self.env.invalidate_all()
        plan.problems += resolver.mapping_problems()
        for problem in plan.checker.problems():
            if problem.rule == "required" and problem.record in unmapped:
                continue  # already reported as a missing mapping
            plan.problems.append(problem)
        self._sow_plan_items(plan, sent)
        return plan

    def _sow_plan_items(self, plan, sent):
        """The plan's items from what was sent to its checker ({kind: [(record
        id, its last line, its batch line's values)]}) and the checker's
        fingerprints; the records changed since their last export are
        flagged so, exported or not."""
        changed = []
        fingerprints = plan.checker.fingerprints()
        for kind, kind_sent in sent.items():
            items = plan.items[kind] = []
            for (res_id, line, described), (checksum, status) in zip(
                kind_sent, fingerprints.get(kind, ()), strict=True
            ):
                if status is None:  # unchanged, left out
                    continue
                if status == "changed" and not line["changed_since_export"]:
                    changed.append(line["id"])
                items.append(
                    (res_id, checksum, status, line and line["id"]) + described
                )
            plan.skipped[kind] = len(kind_sent) - len(items)
        self.env["accounting.export.batch.line"].browse(changed).write(
            {"changed_since_export": True}
        )

    def _sow_export(self, plan, trigger="manual"):
        """Write the plan's files and record them in a new batch.

        Raises UserError listing every error; nothing is written then.
        """
        self.ensure_one()
        if plan.errors or not plan.total:
            plan.checker.close()  # no files: their child process, if any, ends
        if plan.errors:
            raise UserError(self._sow_problems_text(plan.errors))
        if not plan.total:
            raise UserError(
                self.env._(
                    "Nothing to export: no %(kinds)s in the range%(new)s.",
                    kinds=", ".join(
                        dict(self.env["accounting.export.batch"]._sow_kind_selection())[
                            kind
                        ].lower()
                        for kind in plan.kinds
                    ),
                    new=self.env._(" that are new or changed")
                    if plan.only_new_or_changed
                    else "",
                )
            )
        now = fields.Datetime.now()
        # file names and dates in the user's time, as the package's user sees
        when = fields.Datetime.context_timestamp(self, now).replace(tzinfo=None)
        # the files are written (by a child process, if any) while the
        # batch and its lines are
        plan.checker.prepare(when)
        return self.env["accounting.export.batch"]._sow_create(
            plan, lambda: plan.checker.files(when), trigger, now
        )

    def _sow_problems_text(self, problems):
        lines = [
            self.env._(
                "The export cannot be written; fix each of these and try again:"
            ),
            "",
        ]
        lines += [f"• {problem}" for problem in problems]
        return "\n".join(lines)

    # --------------------------------------------------------------- actions
    def action_open_export_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Export to %s", self._package_label()),
            "res_model": "accounting.export.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_connector_id": self.id},
        }

    def action_open_batches(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_order_workflow.action_accounting_export_batch"
        )
        action["domain"] = [("connector_id", "=", self.id)]
        action["context"] = {"default_connector_id": self.id}
        return action

    # ------------------------------------------------------------------ demo
    @api.model
    def _sow_demo_prepare(self, connector_ids):
        """Demo data only: map the demo company's accounts, journals, taxes
        and reps, and give its customers and products their codes."""
        for connector in self.browse(connector_ids):
            company = connector.company_id
            sales, bank, cash = {
                "autocount": ("500-0000", "BANK", "CASH"),
                "sql_account": ("500-000", "320-000", "310-000"),
                "emas": ("5001/000", "3200/000", "3100/000"),
            }[connector.package]
            accounts = self.env["account.account"].search(
                [
                    ("company_ids", "in", company.id),
                    ("account_type", "in", ("income", "income_other")),
                ]
            )
            journals = self.env["account.journal"].search(
                [("company_id", "=", company.id), ("type", "in", ("bank", "cash"))]
            )
            taxes = self.env["account.tax"].search(
                [("company_id", "=", company.id), ("type_tax_use", "=", "sale")]
            )
            limit = CODE_LIMITS[connector.package]["tax"]
            terms = self.env["account.payment.term"].search(
                [("company_id", "in", (company.id, False))]
            )
            terms_limit = CODE_LIMITS[connector.package]["terms"]
            connector.write(
                {
                    "account_ids": [
                        Command.create({"account_id": a.id, "code": sales})
                        for a in accounts
                    ],
                    "journal_ids": [
                        Command.create(
                            {
                                "journal_id": j.id,
                                "code": bank if j.type == "bank" else cash,
                            }
                        )
                        for j in journals
                    ],
                    "tax_ids": [
                        Command.create(
                            {"tax_id": t.id, "code": f"T{t.id}-{int(t.amount)}"[:limit]}
                        )
                        for t in taxes
                    ],
                    "term_ids": [
                        Command.create(
                            {
                                "payment_term_id": term.id,
                                "code": "C.O.D."
                                if len(term.name) > terms_limit
                                else term.name,
                            }
                        )
                        for term in terms
                    ],
                    "agent_ids": [
                        Command.create(
                            {"user_id": user.id, "code": user.login.upper()[:10]}
                        )
                        for user in self.env["res.users"].search(
                            [
                                ("company_ids", "in", company.id),
                                ("share", "=", False),
                            ]
                        )
                    ],
                }
            )
            invoices = self.env["account.move"].search(
                [("company_id", "=", company.id), ("move_type", "like", "out_")]
            )
            connector._sow_generate_customer_codes(invoices.partner_id)
            connector._sow_generate_item_codes(invoices.invoice_line_ids.product_id)
        return True

    # -------------------------------------------------------------- schedule
    def _sow_schedule_step(self):
        return {
            "daily": relativedelta(days=1),
            "weekly": relativedelta(weeks=1),
            "monthly": relativedelta(months=1),
        }[self.schedule_interval]

    def _sow_run_scheduled(self):
        """One scheduled export: new and changed documents since the last
        one. Problems are posted on the connector; nothing is written then."""
        self.ensure_one()
        now = fields.Datetime.now()
        kinds = [k for k in self._sow_kinds() if self[KIND_FIELDS[k]]]
        date_from = (
            fields.Date.to_date(self.schedule_last_run) - relativedelta(days=1)
            if self.schedule_last_run
            else None
        )
        plan = self._sow_plan(kinds, date_from, fields.Date.context_today(self), True)
        self.write(
            {
                "schedule_last_run": now,
                "schedule_next_run": (self.schedule_next_run or now)
                + self._sow_schedule_step(),
            }
        )
        if plan.errors:
            self.message_post(
                body=self._sow_problems_text(plan.errors),
                subject=self.env._("Scheduled export not written"),
            )
            return self.env["accounting.export.batch"]
        if not plan.total:
            return self.env["accounting.export.batch"]
        batch = self._sow_export(plan, trigger="scheduled")
        self.message_post(
            body=self.env._("Scheduled export %s written.", batch.name),
        )
        return batch

    @api.model
    def _cron_run_scheduled_exports(self):
        due = self.search(
            [
                ("schedule_active", "=", True),
                "|",
                ("schedule_next_run", "=", False),
                ("schedule_next_run", "<=", fields.Datetime.now()),
            ]
        )
        for connector in due:
            try:
                with self.env.cr.savepoint():
                    connector.with_company(connector.company_id)._sow_run_scheduled()
            except UserError as error:
                _logger.info("Scheduled export of %s failed: %s", connector.name, error)
                connector.message_post(body=str(error))
        return True


def _describe(document):
    """(number or code, name, amount) of a document, for its batch line."""
    number = getattr(document, "number", None) or document.code
    customer = getattr(document, "customer", None)
    name = customer.name if customer else getattr(document, "name", "")
    amount = getattr(document, "total", None)
    if amount is None:
        amount = getattr(document, "amount", 0)
    return (number, name or "", float(amount or 0))


def af_problem(record, message, fix=""):
    from ..accounting_formats.common import Problem

    return Problem(record, message, fix, ERROR, "", "unsupported")
