# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SQL Account: files for the "SQL Acc XLS n MDB Import" utility.

Flat sheets: one row per document line (or knock-off, or branch) with the
document's own columns repeated on each row. File names follow the utility's
auto-import pattern ``BIZOBJECT.YYYYMMDDHHMMSS.xlsx``.
"""

from decimal import Decimal

from . import layouts
from .common import one_line
from .package import Package
from .records import ZERO

RULES = layouts.SQL_RULES
NONE = RULES["no agent / project"]["value"]
BIZ_OBJECTS = {
    "invoice": "SL_IV",
    "credit_note": "SL_CN",
    "payment": "AR_PM",
    "customer": "AR_CUSTOMER",
    "item": "ST_ITEM",
}


def _discount(percent):
    if not percent:
        return ""
    text = format(Decimal(percent).normalize(), "f")
    return f"{text}%"


class SqlAccount(Package):
    name = "sql_account"
    label = "SQL Account"
    layouts = {
        "customer": layouts.SQL_CUSTOMER,
        "item": layouts.SQL_ITEM,
        "invoice": layouts.SQL_INVOICE,
        "credit_note": layouts.SQL_CREDIT_NOTE,
        "payment": layouts.SQL_PAYMENT,
    }

    def default_options(self):
        return {"file_format": "xlsx"}

    def file_name(self, kind, when, part, options):
        suffix = f"-{part}" if part else ""
        return f"{BIZ_OBJECTS[kind]}.{when:%Y%m%d%H%M%S}{suffix}.xlsx"

    def rows(self, kind, record, options):
        return getattr(self, f"_rows_{kind}")(record)

    # ------------------------------------------------------------ documents
    @staticmethod
    def _header(doc, default_description):
        cust = doc.customer
        lines = list(cust.address.lines) + [""] * 4
        submission, id_type = RULES["e-Invoice SUBMISSIONTYPE / IDTYPE"]["value"]
        return {
            "DOCNO": doc.number,
            "DOCNOEX": doc.reference,
            "DOCDATE": doc.date,
            "CODE": cust.code,
            "COMPANYNAME": cust.name,
            "ADDRESS1": lines[0],
            "ADDRESS2": lines[1],
            "ADDRESS3": lines[2],
            "ADDRESS4": lines[3],
            "POSTCODE": cust.address.postcode,
            "CITY": cust.address.city,
            "STATE": cust.address.state,
            "COUNTRY": cust.address.country_code or RULES["country"]["value"],
            "PHONE1": cust.phone,
            "AGENT": doc.agent or NONE,
            "TERMS": doc.terms or RULES["default terms"]["value"],
            "DESCRIPTION": doc.description or default_description,
            "PROJECT": NONE,
            "DOCREF1": doc.origin,
            "SALESTAXNO": cust.sst_no,
            "TIN": cust.tax_id,
            "IDTYPE": id_type,
            "IDNO": cust.registration_no,
            "SUBMISSIONTYPE": submission,
        }

    @staticmethod
    def _line(seq, line):
        text = line.description or ""
        # the first line that holds something once cleaned
        first = next((c for t in text.splitlines() if (c := one_line(t))), "")
        long_text = text if ("\n" in text.strip() or len(first) > 200) else ""
        return {
            "_SEQ": seq,
            "_ACCOUNT": line.account,
            "_ITEMCODE": line.item_code,
            "_DESCRIPTION": first,
            "_DESCRIPTION2": line.description2,
            "_DESCRIPTION3": long_text,
            "_QTY": line.quantity,
            "_UOM": line.uom,
            "_UNITPRICE": line.unit_price,
            "_DISC": _discount(line.discount),
            "_TAX": line.tax_code,
            "_TAXAMT": line.tax_amount,
            "_TAXINCLUSIVE": False,
            "_AMOUNT": line.amount,
            "_PROJECT": NONE,
        }

    def _rows_invoice(self, inv):
        header = self._header(inv, "Sales")
        return [
            {**header, **self._line(i, line)} for i, line in enumerate(inv.lines, 1)
        ]

    def _rows_credit_note(self, cn):
        header = self._header(cn, cn.reason or "Sales Returned")
        # SL_CN has no knock-off columns: the credited invoice goes in the
        # line remarks, as the vendor's SDK samples do
        remarks = {
            "_REMARK1": cn.origin_number,
            "_REMARK2": cn.origin_date.strftime("%d/%m/%Y") if cn.origin_date else "",
        }
        return [
            {**header, **self._line(i, line), **remarks}
            for i, line in enumerate(cn.lines, 1)
        ]

    def _rows_payment(self, pay):
        header = {
            "DOCNO": pay.number,
            "CODE": pay.customer.code,
            "DOCDATE": pay.date,
            "POSTDATE": pay.date,
            "DESCRIPTION": pay.description or "Payment For Account",
            "AREA": pay.customer.area or NONE,
            "AGENT": pay.customer.agent or NONE,
            "PAYMENTMETHOD": pay.method,
            "CHEQUENUMBER": pay.cheque_number,
            "PROJECT": NONE,
            "PAYMENTPROJECT": NONE,
            "CURRENCYRATE": pay.currency_rate,
            "BANKCHARGE": pay.bank_charge,
            "DOCAMT": pay.amount,
            "UNAPPLIEDAMT": pay.unapplied,
            "CANCELLED": False,
            "NONREFUNDABLE": False,
        }
        types = RULES["payment knock-off document type"]["value"]
        if not pay.knock_offs:
            return [header]
        return [
            {
                **header,
                "DOCTYPE": types[ko.doc_type],
                "KODOCNO": ko.number,
                "KOAMT": ko.amount,
            }
            for ko in pay.knock_offs
        ]

    # ---------------------------------------------------------------- masters
    @staticmethod
    def _branch(name, address, cust):
        lines = list(address.lines) + [""] * 4
        return {
            "_BRANCHNAME": name,
            "_ADDRESS1": lines[0],
            "_ADDRESS2": lines[1],
            "_ADDRESS3": lines[2],
            "_ADDRESS4": lines[3],
            "_ATTENTION": cust.attention,
            "_POSTCODE": address.postcode,
            "_CITY": address.city,
            "_STATE": address.state,
            "_COUNTRY": address.country_code or RULES["country"]["value"],
            "_PHONE1": cust.phone,
            "_MOBILE": cust.mobile,
            "_FAX1": cust.fax,
            "_EMAIL": cust.email,
        }

    def _rows_customer(self, cust):
        submission, id_type = RULES["e-Invoice SUBMISSIONTYPE / IDTYPE"]["value"]
        master = {
            "CODE": cust.code,
            "CONTROLACCOUNT": cust.control_account or "300-000",
            "COMPANYNAME": cust.name,
            "COMPANYNAME2": cust.name2,
            "COMPANYCATEGORY": NONE,
            "AREA": cust.area or NONE,
            "AGENT": cust.agent or NONE,
            "CREDITTERM": cust.terms or RULES["default terms"]["value"],
            "CREDITLIMIT": cust.credit_limit,
            "OVERDUELIMIT": ZERO,
            "STATEMENTTYPE": "O",
            "CURRENCYCODE": cust.currency_code or NONE,
            "AGINGON": "I",
            "STATUS": "A" if cust.active else "I",
            "PRICETAG": NONE,
            "BRN": cust.registration_no,
            "SALESTAXNO": cust.sst_no,
            "TIN": cust.tax_id,
            "IDTYPE": id_type,
            "IDNO": cust.registration_no,
            "SUBMISSIONTYPE": submission,
            "REMARK": cust.reference,
        }
        rows = [{**master, **self._branch("BILLING", cust.address, cust)}]
        if cust.delivery_address:
            rows.append(
                {**master, **self._branch("DELIVERY", cust.delivery_address, cust)}
            )
        return rows

    def _rows_item(self, item):
        return [
            {
                "CODE": item.code,
                "DESCRIPTION": item.description,
                "DESCRIPTION2": item.description2,
                "STOCKGROUP": item.group,
                "STOCKCONTROL": item.stock_control,
                "ISACTIVE": item.active,
                "UOM": item.uom,
                "RATE": 1,
                "REFCOST": item.cost,
                "REFPRICE": item.price,
                "BARCODE": item.barcode,
            }
        ]
