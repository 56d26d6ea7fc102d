# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..accounting_formats.layouts import CODE_LIMITS


class AccountingConnectorMapping(models.AbstractModel):
    """What every mapping shares: an Odoo record → the package's code, kept
    per connector and never longer than the package takes."""

    _name = "accounting.connector.mapping"
    _description = "Accounting Connector Mapping"
    _check_company_auto = True
    # key of CODE_LIMITS for the code's length limit
    _mapping_kind = ""
    _order = "connector_id, code"

    connector_id = fields.Many2one(
        "accounting.connector",
        string="Connector",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="connector_id.company_id", store=True, index=True, precompute=True
    )
    package = fields.Selection(related="connector_id.package")
    code = fields.Char(required=True, help="The code in the accounting package.")

    def _code_limit(self):
        self.ensure_one()
        return CODE_LIMITS[self.connector_id.package][self._mapping_kind]

    @api.constrains("code", "connector_id")
    def _check_code(self):
        for mapping in self:
            code = mapping.code or ""
            if code != code.strip():
                raise ValidationError(
                    self.env._(
                        "The code “%(code)s” starts or ends with a space; remove it.",
                        code=code,
                    )
                )
            limit = mapping._code_limit()
            if len(code) > limit:
                raise ValidationError(
                    self.env._(
                        "“%(code)s” (%(what)s) is %(length)s characters long; "
                        "%(package)s takes at most %(limit)s. Shorten it.",
                        code=code,
                        what=mapping._mapped_record().display_name,
                        length=len(code),
                        package=mapping.connector_id._package_label(),
                        limit=limit,
                    )
                )

    def _mapped_record(self):
        """The Odoo record this mapping gives a code to."""
        raise NotImplementedError
