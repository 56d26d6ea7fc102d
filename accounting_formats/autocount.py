# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""AutoCount Accounting 2.x: the Tools → Import files (AR Invoice, AR Credit
Note, AR Payment) laid out as the vendor's own samples, and a debtor sheet.

A multi-line document writes its master columns on its first row only; the
next rows fill the detail (and knock-off) columns, as the samples do.
"""

from . import layouts
from .package import Package
from .records import ZERO

RULES = layouts.AUTOCOUNT_RULES
FILE_NAMES = {
    "invoice": "AR-Invoice",
    "credit_note": "AR-Credit-Note",
    "payment": "AR-Payment",
    "customer": "Debtor",
}


def _rate(value):
    return value if value else None


class AutoCount(Package):
    name = "autocount"
    label = "AutoCount"
    layouts = {
        "customer": layouts.AUTOCOUNT_CUSTOMER,
        "invoice": layouts.AUTOCOUNT_INVOICE,
        "credit_note": layouts.AUTOCOUNT_CREDIT_NOTE,
        "payment": layouts.AUTOCOUNT_PAYMENT,
    }

    def default_options(self):
        return {"file_format": RULES["file format"]["value"]}

    def file_name(self, kind, when, part, options):
        suffix = f"-part{part}" if part else ""
        stamp = when.strftime("%Y%m%d-%H%M%S")
        return f"{FILE_NAMES[kind]}-{stamp}{suffix}.{options['file_format']}"

    def column_offset(self, layout):
        # the import templates keep column A for the vendor's note; fields
        # start at column B. The debtor sheet has one header row from A.
        return 1 if layout.sections else 0

    def write_header(self, sheet, layout):
        if not layout.sections:
            super().write_header(sheet, layout)
            return
        offset = col = self.column_offset(layout)
        for caption, width in layout.sections:
            sheet.merge(0, col, col + width - 1, caption)
            col += width
        sheet.row = 1
        n = len(layout.columns)
        sheet.write_row([c.spec for c in layout.columns], ["text"] * n, offset)
        bold = {i for i, c in enumerate(layout.columns) if c.required}
        sheet.write_row(
            [layouts.AC_NOTE] + [c.name for c in layout.columns],
            ["text"] * (n + 1),
            0,
            {i + 1 for i in bold},
        )

    # ------------------------------------------------------------------ rows
    def rows(self, kind, record, options):
        return getattr(self, f"_rows_{kind}")(record)

    @staticmethod
    def _currency(doc):
        return doc.currency_code or RULES["home currency"]["value"]

    @staticmethod
    def _detail(line, rate):
        return {
            "AccNo": line.account,
            "ToAccountRate": rate,
            "DetailDescription": line.description,
            "TaxType": line.tax_code,
            "TaxableAmt": line.amount,
            "TaxAdjustment": line.tax_adjustment or None,
            "Amount": line.amount,
        }

    def _rows_invoice(self, inv):
        master = {
            "DocNo": inv.number,
            "DocDate": inv.date,
            "DebtorCode": inv.customer.code,
            "JournalType": RULES["invoice journal type"]["value"],
            "DisplayTerm": inv.terms,
            "SalesAgent": inv.agent,
            "Description": inv.description,
            "CurrencyCode": self._currency(inv),
            "CurrencyRate": inv.currency_rate,
            "RefNo2": inv.reference,
            "Note": inv.note,
            "InclusiveTax": False,
        }
        rows = [self._detail(line, inv.currency_rate) for line in inv.lines] or [{}]
        rows[0].update(master)
        return rows

    def _knock_off(self, ko):
        return {
            "KnockOffDocType": RULES["knock-off document types"]["value"][ko.doc_type],
            "KnockOffDocNo": ko.number,
            "KnockOffAmt": ko.amount,
        }

    def _rows_credit_note(self, cn):
        master = {
            "DocNo": cn.number,
            "DocDate": cn.date,
            "DebtorCode": cn.customer.code,
            "JournalType": RULES["credit note journal type"]["value"],
            "CNType": None,
            "CurrencyCode": self._currency(cn),
            "Description": cn.description or cn.reason,
            "Ref": cn.reference,
            "RefNo2": cn.origin_number,
            "Note": cn.note,
            "InclusiveTax": False,
            "CurrencyRate": cn.currency_rate,
        }
        details = [self._detail(line, cn.currency_rate) for line in cn.lines]
        kos = [self._knock_off(ko) for ko in cn.knock_offs]
        rows = [{} for _ in range(max(len(details), len(kos), 1))]
        for row, values in zip(rows, details, strict=False):
            row.update(values)
        for row, values in zip(rows, kos, strict=False):
            row.update(values)
        rows[0].update(master)
        return rows

    def _rows_payment(self, pay):
        master = {
            "DocNo": pay.number,
            "DocDate": pay.date,
            "DebtorCode": pay.customer.code,
            "Description": pay.description,
            "CurrencyCode": self._currency(pay),
            "ToHomeRate": pay.currency_rate,
            # the payment is in the debtor's own currency
            "ToDebtorRate": 1,
            "Note": pay.reference,
            "PaymentMethod": pay.method,
            "ChequeNo": pay.cheque_number,
            "PaymentAmt": pay.amount,
            "BankCharge": pay.bank_charge if pay.bank_charge != ZERO else None,
            "ToBankRate": pay.currency_rate,
        }
        rows = [self._knock_off(ko) for ko in pay.knock_offs] or [{}]
        rows[0].update(master)
        return rows

    def _rows_customer(self, cust):
        address = cust.address
        lines = list(address.lines) + [""] * 4
        delivery = cust.delivery_address
        dlines = list(delivery.lines if delivery else ()) + [""] * 4
        statement, ageing = RULES["debtor statement type and ageing"]["value"]
        return [
            {
                "DebtorCode": cust.code,
                "CompanyName": cust.name,
                "Desc2": cust.name2,
                "ControlAccount": cust.control_account,
                "Address1": lines[0],
                "Address2": lines[1],
                "Address3": lines[2],
                "Address4": lines[3],
                "PostCode": address.postcode,
                "DeliverAddr1": dlines[0],
                "DeliverAddr2": dlines[1],
                "DeliverAddr3": dlines[2],
                "DeliverAddr4": dlines[3],
                "DeliverPostCode": delivery.postcode if delivery else "",
                "Attention": cust.attention,
                "Phone1": cust.phone,
                "Mobile": cust.mobile,
                "Fax1": cust.fax,
                "EmailAddress": cust.email,
                "AreaCode": cust.area,
                "SalesAgent": cust.agent,
                "DisplayTerm": cust.terms,
                "CurrencyCode": cust.currency_code,
                "CreditLimit": cust.credit_limit or None,
                "StatementType": statement,
                "AgingOn": ageing,
                "RegisterNo": cust.registration_no,
                "TaxRegisterNo": cust.sst_no,
            }
        ]
