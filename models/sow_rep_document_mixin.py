# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SowRepDocumentMixin(models.AbstractModel):
    """What every field-sales document of a rep has: its company, its rep and
    the rep's sales team there. Visits, receipts and handovers share it, so
    that reports group them by the same team."""

    _name = "sow.rep.document.mixin"
    _description = "Field Sales Document of a Rep"

    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Rep",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
    )

    @api.depends("user_id", "company_id")
    def _compute_team_id(self):
        """The rep's sales team in the document's company: the team already
        set if he belongs to or leads it, else his main team (Odoo's
        ``sale_team_id``) if it fits, else the first team he belongs to or
        leads; none otherwise (never some other team of the company)."""
        # sudo: teams are read to be linked, whatever the rep may read of them
        Team = self.env["crm.team"].sudo()
        for record in self:
            user, company = record.user_id, record.company_id
            if not user:
                record.team_id = False
                continue
            fits = [company.id, False]
            if record.team_id and record.team_id.company_id.id in fits:
                team = record.team_id.sudo()
                if user in team.member_ids or user == team.user_id:
                    continue
            team = user.sudo().sale_team_id
            if not team or team.company_id.id not in fits:
                team = Team.search(
                    [
                        ("company_id", "in", fits),
                        "|",
                        ("member_ids", "in", user.ids),
                        ("user_id", "=", user.id),
                    ],
                    limit=1,
                )
            record.team_id = team

    # ------------------------------------------------------------ labels
    def _sow_selection_label(self, field_name):
        """The translated label of a selection field's value ("" if unset),
        for messages."""
        value = self[field_name]
        selection = dict(self._fields[field_name]._description_selection(self.env))
        return selection.get(value, "") if value else ""

    def _sow_state_label(self):
        return self._sow_selection_label("state")
