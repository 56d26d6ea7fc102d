# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Column layouts and format rules of every package: the one place to change.

Column names, order and sizes are copied from the vendors' own import
templates where a public copy exists (AutoCount's AR templates) and from the
best public secondary sources otherwise. Every column or rule that no vendor
file confirms carries an ``unconfirmed`` note; :func:`unconfirmed_items` lists
them all, and README.md's "verify with your dealer" section mirrors that list.
"""

import re
from dataclasses import dataclass
from functools import cached_property

from .common import CELL_MAX

# Column kinds: code (too long = error), text (too long = cut, warning),
# memo (multi-line text), date, money (2 decimals), number, rate, bool (T/F),
# int.


@dataclass(frozen=True)
class Column:
    name: str  # the header text, exactly as the package's template has it
    size: int | None = None
    kind: str = "text"
    required: bool = False
    spec: str = ""  # AutoCount's row-2 description
    key: str | None = "="  # key of the row dict; "=" derives it from name
    label: str = ""  # what the user calls it, for problem messages
    fix: str = ""
    signed: bool = False  # may hold a negative amount
    ascii_only: bool = False
    unconfirmed: str = ""

    def __post_init__(self):
        if self.key == "=":
            key = re.sub(r"\(\d+\)$", "", self.name) or None
            object.__setattr__(self, "key", key)


@dataclass(frozen=True)
class Layout:
    package: str
    kind: str
    sheet: str
    columns: tuple[Column, ...]
    # AutoCount: (caption, number of columns) for row 1, left to right
    sections: tuple[tuple[str, int], ...] = ()
    source: str = ""
    unconfirmed: str = ""
    title: str = ""  # what the README calls it, when not the sheet's name

    @cached_property
    def keyed_columns(self):
        """(index, column, section) of the columns that take a value."""
        sections = self.section_index()
        return tuple((i, c, sections[i]) for i, c in enumerate(self.columns) if c.key)

    @cached_property
    def checks(self):
        """(index, key, column, section, length limit) of the keyed columns:
        what check_row needs of each, worked out once."""
        return tuple(
            (index, column.key, column, section, column.size or CELL_MAX)
            for index, column, section in self.keyed_columns
        )

    @cached_property
    def checks_by_key(self):
        """{key: (index, column, section, length limit)} of the keyed columns."""
        return {
            key: (index, column, section, limit)
            for index, key, column, section, limit in self.checks
        }

    @cached_property
    def required_columns(self):
        return tuple(item for item in self.keyed_columns if item[1].required)

    @property
    def caption(self):
        return self.title or self.sheet

    @property
    def names(self):
        return [c.name for c in self.columns]

    def section_index(self):
        """The section number of each column (0 when there are no sections)."""
        if not self.sections:
            return [0] * len(self.columns)
        out = []
        for number, (_caption, width) in enumerate(self.sections):
            out.extend([number] * width)
        assert len(out) == len(self.columns), self.sheet
        return out

    def column(self, key):
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


def unconfirmed_items():
    """(package, what, why) for every unconfirmed layout, column and rule."""
    items = []
    for layout in ALL_LAYOUTS:
        if layout.unconfirmed:
            items.append(
                (layout.package, f"{layout.caption} layout", layout.unconfirmed)
            )
        for col in layout.columns:
            if col.unconfirmed:
                items.append(
                    (layout.package, f"{layout.caption}: {col.name}", col.unconfirmed)
                )
    for package, rules in (
        ("autocount", AUTOCOUNT_RULES),
        ("sql_account", SQL_RULES),
        ("emas", EMAS_RULES),
    ):
        for name, rule in rules.items():
            if rule.get("unconfirmed"):
                items.append((package, name, rule["unconfirmed"]))
    return items


# ---------------------------------------------------------------- AutoCount
# AutoCount Accounting 2.x, Tools → Import. The three AR layouts below are
# the vendor's own sample files (Import-AR-Invoice.xls, Import-AR-Credit-
# Note.xls, Import-AR-Payment.xls): row 1 section captions, row 2 the type
# and length, row 3 the names from column B (A3 holds the vendor's note),
# data from row 4.

AC_NOTE = "Bold column are mandate fields."
_C = "(Number, use System Currency Decimal)"
_R = "(Number, use System Currency Rate Decimal)"
_D = "(Date: dd/MM/yyyy)"


def _n(size):
    return f"({size} chars)"


AUTOCOUNT_INVOICE = Layout(
    package="autocount",
    kind="invoice",
    sheet="AR Invoice",
    source="Import-AR-Invoice.xls (vendor sample)",
    sections=(("Master Columns", 12), ("Detail Columns", 9)),
    columns=(
        Column("DocNo", 20, "code", True, _n(20), label="invoice number"),
        Column("DocDate", None, "date", True, _D, label="invoice date"),
        Column("DebtorCode", 12, "code", True, _n(12), label="customer code"),
        Column("JournalType", 10, "code", True, _n(10), label="journal type"),
        Column("DisplayTerm", 30, "code", False, _n(30), label="terms code"),
        Column("SalesAgent", 12, "code", False, _n(12), label="agent code"),
        Column("Description", 80, "text", False, _n(80)),
        Column("CurrencyCode", 5, "code", False, _n(5), label="currency code"),
        Column("CurrencyRate", None, "rate", False, _R),
        Column("RefNo2", 20, "text", False, _n(20), label="reference"),
        Column("Note", None, "memo", False, "(Rich Text)"),
        Column("InclusiveTax", None, "bool", False, "(Boolean: T or F)"),
        Column("AccNo", 12, "code", True, _n(12), label="sales account code"),
        Column("ToAccountRate", None, "rate", False, _R),
        Column("DetailDescription", 100, "text", False, _n(100)),
        Column("ProjNo", 10, "code", False, _n(10)),
        Column("DeptNo", 10, "code", False, _n(10)),
        Column("TaxType", 8, "code", False, _n(8), label="tax code"),
        Column("TaxableAmt", None, "money", False, _C, signed=True),
        Column("TaxAdjustment", None, "money", False, _C, signed=True),
        Column("Amount", None, "money", True, _C, signed=True),
    ),
)

AUTOCOUNT_CREDIT_NOTE = Layout(
    package="autocount",
    kind="credit_note",
    # the vendor's sample names this sheet "AR Payment" too; AutoCount
    # recognises the template by its columns
    sheet="AR Payment",
    title="AR Credit Note",
    source="Import-AR-Credit-Note.xls (vendor sample)",
    sections=(("Master Column", 15), ("Detail Column", 11), ("Knock Off Detail", 3)),
    columns=(
        Column("DocNo", 20, "code", True, _n(20), label="credit note number"),
        Column("DocDate", None, "date", True, _D, label="credit note date"),
        Column("DebtorCode", 12, "code", True, _n(12), label="customer code"),
        Column("JournalType", 10, "code", True, _n(10), label="journal type"),
        Column(
            "CNType",
            12,
            "code",
            False,
            _n(12),
            unconfirmed="CNType's values are not documented; left empty as in "
            "the vendor's sample",
        ),
        Column("CurrencyCode", 5, "code", False, _n(5), label="currency code"),
        Column("Description", 40, "text", False, _n(40)),
        Column("Ref", 40, "text", False, _n(40), label="reference"),
        Column("RefNo2", 20, "text", False, _n(20)),
        Column("Note", None, "memo", False, "(Rich Text)"),
        Column("", key=None),
        Column("", key=None),
        Column(
            "Note",
            None,
            "memo",
            False,
            "(Rich Text)",
            key=None,
            unconfirmed="the template has a second, unexplained Note column "
            "(N3); it is left empty",
        ),
        Column("InclusiveTax", None, "bool", False, "(Boolean: T or F)"),
        Column("CurrencyRate", None, "rate", False, _R),
        Column("AccNo", 12, "code", True, _n(12), label="sales account code"),
        Column("ToAccountRate", None, "rate", False, _R),
        Column("DetailDescription", 100, "text", False, _n(100)),
        Column("ProjNo", 10, "code", False, _n(10)),
        Column("DeptNo", 10, "code", False, _n(10)),
        Column("TaxType", 8, "code", False, _n(8), label="tax code"),
        Column("TaxableAmt", None, "money", False, _C),
        Column("TaxAdjustment", None, "money", False, _C, signed=True),
        Column("Amount", None, "money", True, _C),
        Column("", key=None),
        Column("", key=None),
        Column(
            "KnockOffDocType",
            2,
            "code",
            False,
            "(2 chars, RI for Invoice, RD for D/N)",
        ),
        Column("KnockOffDocNo", 20, "code", False, _n(20), label="invoice number"),
        Column("KnockOffAmt", None, "money", False, _C),
    ),
)

AUTOCOUNT_PAYMENT = Layout(
    package="autocount",
    kind="payment",
    sheet="AR Payment",
    source="Import-AR-Payment.xls (vendor sample)",
    sections=(
        ("Master Column", 10),
        ("Payment Detail Column", 9),
        ("Knock Off Detail", 3),
    ),
    columns=(
        Column("DocNo", 20, "code", True, _n(20), label="receipt number"),
        Column("DocDate", None, "date", True, _D, label="payment date"),
        Column("DebtorCode", 12, "code", True, _n(12), label="customer code"),
        Column("Description", 40, "text", False, _n(40)),
        Column("ProjNo", 10, "code", False, _n(10)),
        Column("DeptNo", 10, "code", False, _n(10)),
        Column("CurrencyCode", 5, "code", False, _n(5), label="currency code"),
        Column("ToHomeRate", None, "rate", True, _R),
        Column("ToDebtorRate", None, "rate", True, _R),
        Column("Note", None, "memo", False, "(Rich Text)"),
        Column(
            "PaymentMethod",
            20,
            "code",
            True,
            _n(20),
            label="payment method",
            fix="map the payment's journal to an AutoCount payment method "
            "in the connector",
        ),
        Column("ChequeNo", 20, "text", False, _n(20)),
        Column("PaymentAmt", None, "money", True, _C),
        Column("BankCharge", None, "money", False, _C),
        Column("ToBankRate", None, "rate", False, _R),
        Column("PaymentBy", 20, "text", False, _n(20)),
        Column("FloatDay", None, "int", False, "(Integer)"),
        Column(
            "IsRCHQ",
            None,
            "bool",
            False,
            "(Boolean. Indicate T for stock control or F for non stock control)",
        ),
        Column("RCHQDate", None, "date", False, "(Returned Cheque Date: dd/MM/yyyy)"),
        Column(
            "KnockOffDocType",
            2,
            "code",
            False,
            "(2 chars, RI for Invoice, RD for D/N)",
        ),
        Column("KnockOffDocNo", 20, "code", False, _n(20), label="invoice number"),
        Column("KnockOffAmt", None, "money", False, _C),
    ),
)

_AC_DEBTOR_WHY = (
    "no public copy of AutoCount's debtor template exists; the names are "
    "AutoCount's own field names (AR templates, .NET API, Cloud API)"
)
AUTOCOUNT_CUSTOMER = Layout(
    package="autocount",
    kind="customer",
    sheet="Debtor",
    source="AutoCount field names from its .NET and Cloud APIs",
    unconfirmed=_AC_DEBTOR_WHY + "; paste the rows in Debtor Maintenance's "
    "Import (Paste From Clipboard) and check the column match",
    columns=(
        Column("DebtorCode", 12, "code", True, label="customer code"),
        Column("CompanyName", 100, "text", True, label="customer name"),
        Column("Desc2", 100, "text"),
        Column("ControlAccount", 12, "code", label="control account"),
        Column("Address1", 40),
        Column("Address2", 40),
        Column("Address3", 40),
        Column("Address4", 40),
        Column("PostCode", 10),
        Column("DeliverAddr1", 40),
        Column("DeliverAddr2", 40),
        Column("DeliverAddr3", 40),
        Column("DeliverAddr4", 40),
        Column("DeliverPostCode", 10),
        Column("Attention", 40),
        Column("Phone1", 25),
        Column("Mobile", 25),
        Column("Fax1", 25),
        Column("EmailAddress", 200),
        Column("AreaCode", 12, "code", label="area code"),
        Column("SalesAgent", 12, "code", label="agent code"),
        Column("DisplayTerm", 30, "code", label="terms code"),
        Column("CurrencyCode", 5, "code", label="currency code"),
        Column("CreditLimit", None, "money"),
        Column("StatementType", 1, "code"),
        Column("AgingOn", 1, "code"),
        Column("RegisterNo", 30, "code", label="registration number"),
        Column("TaxRegisterNo", 30, "code", label="SST number"),
    ),
)

AUTOCOUNT_RULES = {
    "file format": {
        "value": "xls",
        "unconfirmed": "the vendor ships .xls (BIFF8) templates; whether the "
        "importer of a given AutoCount build also takes .xlsx is not known. "
        "The connector writes .xls unless set to .xlsx",
    },
    "invoice journal type": {"value": "SALES"},
    "credit note journal type": {
        "value": "SALES",
        "unconfirmed": "the vendor's credit-note sample uses 'General'; SALES "
        "is used so that sales returns post to the sales journal",
    },
    "home currency": {
        "value": "",
        "unconfirmed": "a document in the company's own currency leaves "
        "CurrencyCode empty with rate 1 (as the vendor's second sample row "
        "does); the first sample writes 'RM'",
    },
    "master values only on a document's first row": {"value": True},
    "dates are date cells shown dd/MM/yyyy": {"value": True},
    "knock-off document types": {"value": {"invoice": "RI", "debit_note": "RD"}},
    "debtor statement type and ageing": {
        "value": ("O", "I"),
        "unconfirmed": "StatementType O (open item) and AgingOn I (invoice "
        "date) follow SQL Account's codes; AutoCount's are not documented",
    },
    "rows per .xls file": {
        "value": 65000,
        "unconfirmed": "an .xls sheet holds 65,536 rows; larger exports are "
        "split into several files, never inside a document",
    },
}

# -------------------------------------------------------------- SQL Account
# "SQL Acc XLS n MDB Import" utility. No vendor file is public; the names are
# the ones two independent public generators copy from the official sheet.

_SQL_SLPH_WHY = (
    "no public copy of the vendor's SLPH_Invoice_Cash_Debit_Credit template; "
    "the 60 names come from public generators that copy it"
)


def _sql(name, kind="text", required=False, **kw):
    match = re.search(r"\((\d+)\)$", name)
    size = kw.pop("size", None) or (int(match.group(1)) if match else None)
    return Column(name, size, kind, required, **kw)


SQL_SALES = (
    _sql("DOCNO(20)", "code", True, label="document number"),
    _sql("DOCNOEX", label="external number"),
    _sql("DOCDATE", "date", True, label="document date"),
    _sql("CODE(10)", "code", True, label="customer code"),
    _sql("EIV_UTC"),
    _sql("IRBM_UUID"),
    _sql("IRBM_LONGID"),
    _sql("IRBM_STATUS"),
    _sql("COMPANYNAME(100)", label="customer name"),
    _sql("ADDRESS1(60)"),
    _sql("ADDRESS2(60)"),
    _sql("ADDRESS3(60)"),
    _sql("ADDRESS4(60)"),
    _sql("POSTCODE(10)"),
    _sql("CITY(50)"),
    _sql("STATE(50)"),
    _sql("COUNTRY(2)", "code", label="country code"),
    _sql("PHONE1(200)"),
    _sql("AGENT(10)", "code", label="agent code"),
    _sql("TERMS(10)", "code", label="terms code"),
    _sql("DESCRIPTION(200)"),
    _sql("PROJECT(20)", "code"),
    _sql("CC(200)"),
    _sql("DOCREF1"),
    _sql("DOCREF2"),
    _sql("DOCREF3"),
    _sql("DOCREF4"),
    _sql("SALESTAXNO(25)", "code", label="customer's sales tax number"),
    _sql("SERVICETAXNO(25)", "code", label="customer's service tax number"),
    _sql("TIN(14)", "code", label="customer's TIN"),
    _sql("IDTYPE", "int"),
    _sql("IDNO(20)", "code", label="customer's registration number"),
    _sql("TOURISMNO(17)", "code"),
    _sql("SIC(10)", "code"),
    _sql("INCOTERMS(3)", "code"),
    _sql("SUBMISSIONTYPE", "int"),
    _sql(
        "_SEQ",
        "int",
        unconfirmed="one public generator has _SEQ, another not; the "
        "utility maps columns by name and _SEQ is not required",
    ),
    _sql("_ACCOUNT(10)", "code", True, label="sales account code"),
    _sql("_ITEMCODE(30)", "code", label="item code"),
    _sql("_DESCRIPTION(200)", required=True, label="line description"),
    _sql("_DESCRIPTION2"),
    _sql("_DESCRIPTION3", "memo"),
    _sql("_QTY", "number", True, signed=True),
    _sql("_UOM(10)", "code", True, label="unit code"),
    _sql("_UNITPRICE", "money", True, signed=True),
    _sql("_DISC(20)", "code", label="discount"),
    _sql("_TAX(10)", "code", label="tax code"),
    _sql("_TAXAMT", "money", signed=True),
    _sql("_TAXINCLUSIVE", "bool"),
    _sql("_AMOUNT", "money", signed=True),
    _sql("_IRBM_CLASSIFICATION(3)", "code"),
    _sql("_TAXEXEMPTIONREASON(300)"),
    _sql("_LOCATION(20)", "code"),
    _sql("_BATCH(30)", "code"),
    _sql("_PROJECT(20)", "code"),
    _sql("_REMARK1(200)"),
    _sql("_REMARK2(200)"),
    _sql("_FROMDOCTYPE"),
    _sql("_FROMDOCNO"),
    _sql("_FROMSEQNO"),
)

SQL_INVOICE = Layout(
    package="sql_account",
    kind="invoice",
    sheet="SLPH_Invoice_Cash_Debit_Credit",
    source="SLPH_Invoice_Cash_Debit_Credit (public generators)",
    unconfirmed=_SQL_SLPH_WHY,
    columns=SQL_SALES,
)
SQL_CREDIT_NOTE = Layout(
    package="sql_account",
    kind="credit_note",
    sheet="SLPH_Invoice_Cash_Debit_Credit",
    source=SQL_INVOICE.source,
    columns=SQL_SALES,
)

SQL_CUSTOMER = Layout(
    package="sql_account",
    kind="customer",
    sheet="Customer&Supplier Master_New",
    source="Customer&Supplier Master_New (public generator)",
    unconfirmed="no public copy of the vendor's template; the 48 names come "
    "from a public generator that copies it",
    columns=(
        _sql("CODE(10)", "code", True, label="customer code"),
        _sql("CONTROLACCOUNT(10)", "code", label="control account"),
        _sql("COMPANYNAME(100)", required=True, label="customer name"),
        _sql("COMPANYNAME2(100)"),
        _sql("COMPANYCATEGORY(10)", "code"),
        _sql("AREA(10)", "code", label="area code"),
        _sql("AGENT(10)", "code", label="agent code"),
        _sql("CREDITTERM(10)", "code", label="terms code"),
        _sql("CREDITLIMIT", "money"),
        _sql("OVERDUELIMIT", "money"),
        _sql("STATEMENTTYPE", "code"),
        _sql("CURRENCYCODE(6)", "code", label="currency code"),
        _sql("ALLOWEXCEEDCREDITLIMIT", "bool"),
        _sql("ADDPDCTOCRLIMIT", "bool"),
        _sql("AGINGON", "code"),
        _sql("STATUS", "code"),
        _sql("PRICETAG(10)", "code"),
        _sql("CREATIONDATE", "date"),
        _sql("TAX(10)", "code", label="tax code"),
        _sql("TAXEXEMPTNO(50)", "code"),
        _sql("TAXEXPDATE", "date"),
        _sql("BRN(30)", "code", label="registration number"),
        _sql("BRN2(30)", "code"),
        _sql("GSTNO(25)", "code"),
        _sql("SALESTAXNO(25)", "code", label="sales tax number"),
        _sql("SERVICETAXNO(25)", "code", label="service tax number"),
        _sql("TIN(14)", "code", label="TIN"),
        _sql("IDTYPE", "int"),
        _sql("IDNO(20)", "code"),
        _sql("TOURISMNO(17)", "code"),
        _sql("SUBMISSIONTYPE", "int"),
        _sql("REMARK(80)"),
        _sql("_BRANCHNAME(100)", required=True),
        _sql("_ADDRESS1(60)"),
        _sql("_ADDRESS2(60)"),
        _sql("_ADDRESS3(60)"),
        _sql("_ADDRESS4(60)"),
        _sql("_ATTENTION(70)"),
        _sql("_POSTCODE(10)"),
        _sql("_CITY(50)"),
        _sql("_STATE(50)"),
        _sql("_COUNTRY(2)", "code", label="country code"),
        _sql("_PHONE1(200)"),
        _sql("_PHONE2(200)"),
        _sql("_MOBILE(200)"),
        _sql("_FAX1(200)"),
        _sql("_FAX2(200)"),
        _sql("_EMAIL(200)"),
    ),
)

SQL_PAYMENT = Layout(
    package="sql_account",
    kind="payment",
    sheet="AR_PM",
    source="AR_PM (public generator)",
    unconfirmed="no public copy of the vendor's AR_PM template; the 21 "
    "names come from one public generator",
    columns=(
        _sql("DOCNO(20)", "code", True, label="receipt number"),
        _sql("CODE(10)", "code", True, label="customer code"),
        _sql("DOCDATE", "date", True, label="payment date"),
        _sql("POSTDATE", "date"),
        _sql("DESCRIPTION(200)"),
        _sql("AREA(10)", "code", label="area code"),
        _sql("AGENT(10)", "code", label="agent code"),
        _sql(
            "PAYMENTMETHOD(10)",
            "code",
            True,
            label="bank/cash GL account",
            fix="map the payment's journal to a SQL bank or cash GL account "
            "(e.g. 320-000) in the connector",
        ),
        _sql("CHEQUENUMBER(20)", "code", label="cheque number"),
        _sql("PROJECT(20)", "code"),
        _sql("PAYMENTPROJECT(20)", "code"),
        _sql("CURRENCYRATE", "rate"),
        _sql("BANKCHARGE", "money"),
        _sql("DOCAMT", "money", True),
        _sql("UNAPPLIEDAMT", "money"),
        _sql("CANCELLED", "bool"),
        _sql("NONREFUNDABLE", "bool"),
        _sql("BOUNCEDATE", "date"),
        _sql("DOCTYPE", "code"),
        _sql("KODOCNO", "code", label="invoice number"),
        _sql("KOAMT", "money"),
    ),
)

SQL_ITEM = Layout(
    package="sql_account",
    kind="item",
    sheet="StockList",
    source="ST_ITEM field names of SQL Account's SDK and REST API",
    unconfirmed="the StockList template's headers were not found in any "
    "source; these are ST_ITEM's field names from the SDK and REST API",
    columns=(
        _sql("CODE", "code", True, size=30, label="item code"),
        _sql("DESCRIPTION", required=True, size=200),
        _sql("DESCRIPTION2", size=200),
        _sql("STOCKGROUP", "code", size=20),
        _sql("STOCKCONTROL", "bool"),
        _sql("ISACTIVE", "bool"),
        _sql("UOM", "code", True, size=10, label="unit code"),
        _sql("RATE", "number"),
        _sql("REFCOST", "money"),
        _sql("REFPRICE", "money"),
        _sql("BARCODE", "code", size=30),
    ),
)

SQL_RULES = {
    "header row": {
        "value": 1,
        "unconfirmed": "the official template has a 5-row legend and its "
        "names on row 6; our files put the names on row 1 (as the public "
        "generators do); the utility lets you choose the first row",
    },
    "size suffix in names": {
        "value": True,
        "unconfirmed": "names keep the template's size suffix, e.g. DOCNO(20); "
        "whether the utility auto-maps names without it is not known",
    },
    "dates are date cells shown dd/mm/yyyy": {
        "value": True,
        "unconfirmed": "the utility wants dd/mm/yyyy; our cells are real "
        "dates displayed dd/mm/yyyy",
    },
    "no agent / project": {"value": "----"},
    "default terms": {"value": "C.O.D."},
    "country": {"value": "MY"},
    "e-Invoice SUBMISSIONTYPE / IDTYPE": {
        "value": (17, 0),
        "unconfirmed": "defaults seen in the public generators",
    },
    "credit note link to its invoice": {
        "value": "_REMARK1 = invoice number, _REMARK2 = invoice date",
        "unconfirmed": "SL_CN has no knock-off columns; the SDK samples put "
        "the original invoice there; knock it off in SQL after import",
    },
    "payment knock-off document type": {
        "value": {"invoice": "IV", "debit_note": "DN"},
        "unconfirmed": "IV is documented; DN for debit notes is inferred",
    },
    "customer master defaults": {
        "value": "CONTROLACCOUNT 300-000, STATEMENTTYPE O, AGINGON I, STATUS A, "
        "CURRENCYCODE ---- (home)",
    },
    "auto-import file names": {
        "value": "SL_IV / SL_CN / AR_PM / AR_CUSTOMER / ST_ITEM." "YYYYMMDDHHMMSS.xlsx",
        "unconfirmed": "SL_IV.YYYYMMDDHHMMSS.xlsx is documented; the other "
        "business-object prefixes follow the same pattern",
    },
}

# --------------------------------------------------------------------- EMAS
# DBF staging pair read by EMAS Inventory Control's import: icmaste.dbf
# (headers) and ictrane.dbf (lines), schema recovered by a public bridge.

ICMASTE_SCHEMA = """
    VOID:C1 TYPE:C2 ENTRY:C10 REF:C11 DATE:D CODE:C8 NAME:C40 NAME2:C40 DOC:C11
    DOC1:C11 DO_NO:C11 T_AMT:N20.2 N_AMT:N20.2 ADD_COST:N20.2 ADD_ACC:C8
    ADD_ACC1:C8 ADD_DESC:C25 REMARK1:C25 REMARK2:C25 REASON:C30 HSOURCE:C10
    HJOB:C10 POSTED:C1 ACCNO:C8 HFIELD1:C40 HFIELD2:C40 HFIELD3:C40 HFIELD4:C40
    HFIELD5:C40 HFIELD6:C40 HFIELD7:C40 HFIELD8:C40 HFIELD9:C40 HFIELD10:C40
    HFIELD11:C40 HFIELD12:C40 HFIELD13:C40 HFIELD14:C40 MISCDESC1:C40
    MISCDESC2:C40 MISCDESC3:C40 MISCDESC4:C40 MISCDESC5:C40 MISCDESC6:C40
    MISCDESC7:C40 MISCDESC8:C40 MISCAMT1:N20.2 MISCAMT2:N20.2 MISCAMT3:N20.2
    MISCAMT4:N20.2 MISCAMT5:N20.2 MISCAMT6:N20.2 MISCAMT7:N20.2 MISCAMT8:N20.2
    FMISCAMT1:N20.2 FMISCAMT2:N20.2 FMISCAMT3:N20.2 FMISCAMT4:N20.2
    FMISCAMT5:N20.2 FMISCAMT6:N20.2 FMISCAMT7:N20.2 FMISCAMT8:N20.2 ADD1:C35
    ADD2:C35 ADD3:C35 ADD4:C35 DADDR1:C35 DADDR2:C35 DADDR3:C35 DADDR4:C35
    REM1:C40 REM2:C40 AGENT:C12 TERM:C12 AREA:C12 BUSINESS:C15 TICK:L IN_NO:C11
    BILLNO1:C11 BILLNO2:C11 BILLNO3:C11 BILLNO4:C11 BILLNO5:C11 BILLNO6:C11
    BILLNO7:C11 BILLNO8:C11 BILLNO9:C11 BILLNO10:C11 BILLDATE1:D BILLDATE2:D
    BILLDATE3:D BILLDATE4:D BILLDATE5:D BILLDATE6:D BILLDATE7:D BILLDATE8:D
    BILLDATE9:D BILLDATE10:D BILLAGE:N20.2 RETR:C1 USER:C10 POSTACCNO:C8
    VENDNO:C8 FCRATE:N20.2 PO_NO:C20 DOWNACC:C8 DOWNAMT:N20.2 DOWNDESC:C20
    TAXCODE:C8 TAXAMT:N20.2 REF2:C11 ASSEMBLY:C1 PRINT:C1 T_LINE:N20.2 EXPORT:C1
    CURRCODE:C4 DUEDATE:D INVDATE:D TIME:C8 FM_NO:C11 CASHPUR:C1 STR_NO:C11
    STR_ENTRY:C10 RE_NO:C11 HMAINACC:C8 OVERTERM:C1 ADTORE:C1 NEWPOST:C1
    CUST2:C8 REF8:C14 SBATCHNO:C20 RBATCHNO:C20 EDITREC:C1 FOOTER:C4
    MONTHEND:C1 SEQUENCE:C1 SHIPCODE:C8 DOWNTOSO:C1 SO_NO:C20 CPERMITNO:C20
    ATMS:L DEPPAID:L COUNTRY:C50 IN_DATE:D CA_NO:C11 CUSTDATE:D OVERLIMIT:C1
    PRTCOUNT:N20.2 ETYPE:C2 EREFNO:C20 EREFUND:L
"""

ICTRANE_SCHEMA = """
    type:C2 entry:C10 sequence:C1 item_no:C24 desc1:C60 desc2:C40 location:C10
    bin:C10 toloc:C10 tobin:C10 qty:N20.2 price:N20.2 amount:N20.2 cvalue:N20.2
    date:D dsource:C10 djob:C10 u_measure:C6 qty1:N20.2 po_entry:C10
    dfield1:C40 dfield2:C40 dfield3:C40 dfield4:C40 dfield5:C40 dfield6:N20.2
    dfield7:N20.2 dfield8:N20.2 dfield9:N20.2 dfield10:N20.2 dfield11:N20.2
    dfield12:N20.2 dfield13:N20.2 dfield14:N20.2 dfield15:N20.2 n3type:C1
    billno:C11 billdate:D accno:C8 misccode:C3 do_entry:C10 entry2:C10
    reason:C30 fcamt:N20.2 po_no:C20 po_date:D po_entry2:C10 subtotal:C1
    taxcode:C8 line_no:N20.2 newrec:C1 exported:C1 itemdisc:C20 u_measure1:C6
    qty2:N20.2 dvalue:N20.2 measure:C10 qtyinfo:N20.2 uqty:C20 u_cj5:C1
    netprice:N20.2 sobal:N20.2 sobal2:N20.2 overlimit:C1 ref:C11 userid:C10
    compdate:D comptime:C8 ref8:C14 sbatchno:C20 rbatchno:C20 editrec:C1
    u_cost:N20.2 monthend:C1 t_cvalue:N20.2 shipcode:C8 fm_no:C11 discamt:N20.2
    taxamt:N20.2 assembly:C1
"""

# What we write → the DBF field that holds it. A connector can override any
# entry (or blank it to leave the field empty) without touching the code.
EMAS_HEADER_MAP = {
    "type": "TYPE",
    "entry": "ENTRY",
    "ref": "REF",
    "date": "DATE",
    "customer_code": "CODE",
    "customer_code2": "CUST2",
    "customer_name": "NAME",
    "customer_name2": "NAME2",
    "address1": "ADD1",
    "address2": "ADD2",
    "address3": "ADD3",
    "address4": "ADD4",
    "delivery1": "DADDR1",
    "delivery2": "DADDR2",
    "delivery3": "DADDR3",
    "delivery4": "DADDR4",
    "agent": "AGENT",
    "terms": "TERM",
    "area": "AREA",
    "account": "ACCNO",
    "post_account": "POSTACCNO",
    "total": "T_AMT",
    "tax_amount": "TAXAMT",
    "tax_code": "TAXCODE",
    "currency_code": "CURRCODE",
    "currency_rate": "FCRATE",
    "due_date": "DUEDATE",
    "invoice_date": "INVDATE",
    "po_number": "PO_NO",
    "so_number": "SO_NO",
    "invoice_number": "IN_NO",
    "invoice_number_date": "IN_DATE",
    "remark1": "REMARK1",
    "remark2": "REMARK2",
    "reason": "REASON",
    "user": "USER",
    "country": "COUNTRY",
    "lines": "T_LINE",
}
EMAS_LINE_MAP = {
    "type": "type",
    "entry": "entry",
    "ref": "ref",
    "date": "date",
    "item_code": "item_no",
    "description": "desc1",
    "description2": "desc2",
    "quantity": "qty",
    "uom": "u_measure",
    "unit_price": "price",
    "amount": "amount",
    "account": "accno",
    "tax_code": "taxcode",
    "tax_amount": "taxamt",
    "discount": "itemdisc",
    "line_no": "line_no",
    "user": "userid",
    "entry2": "entry2",
}

EMAS_RULES = {
    "format": {
        "value": "dBASE III (version byte 0x03), code page 1252",
        "unconfirmed": "the public bridge writes these files through "
        "Microsoft's dBASE IV driver; that EMAS reads a file written by "
        "another program is not confirmed",
    },
    "document type codes": {
        "value": {"invoice": "IN", "credit_note": "CN"},
        "unconfirmed": "IN (invoice) is evidenced; CN for credit notes is a "
        "guess: nothing public shows how EMAS imports credit notes",
    },
    "field map": {
        "value": "see EMAS_HEADER_MAP / EMAS_LINE_MAP",
        "unconfirmed": "only about 20 header and 12 line fields are known to "
        "be read; the connector can remap every field",
    },
    "defaults": {
        "value": "TAXCODE SST0 when a line has no tax, CURRCODE MYR, USER admin, "
        "header ACCNO/POSTACCNO = the first line's sales account",
        "unconfirmed": "values written by the public bridge (which puts "
        "5001/000 in the header and 5002/000 in the lines); the header "
        "account is a connector setting",
    },
    "quantities": {
        "value": "N(20,2)",
        "unconfirmed": "qty has 2 decimals in the recovered schema; a "
        "quantity with more is refused rather than rounded",
    },
    "customers, items, payments": {
        "value": "not exported",
        "unconfirmed": "no EMAS import format for them is public",
    },
}

# The longest code each package takes, per mapping: the connector refuses a
# longer code when it is typed, so a file never carries one.
CODE_LIMITS = {
    "autocount": {
        "customer": 12,
        "item": 30,
        "account": 12,
        "tax": 8,
        "uom": 8,
        "terms": 30,
        "agent": 12,
        "area": 12,
        "payment_method": 20,
    },
    "sql_account": {
        "customer": 10,
        "item": 30,
        "account": 10,
        "tax": 10,
        "uom": 10,
        "terms": 10,
        "agent": 10,
        "area": 10,
        "payment_method": 10,
    },
    "emas": {
        "customer": 8,
        "item": 24,
        "account": 8,
        "tax": 8,
        "uom": 6,
        "terms": 12,
        "agent": 12,
        "area": 12,
        "payment_method": 8,
    },
}
# AutoCount Cloud Accounting (its API is part 2) takes AutoCount's codes.
CODE_LIMITS["autocount_cloud"] = dict(CODE_LIMITS["autocount"], item=20)

# Customer codes generated in each package's own style: prefix, the first
# letter of the name, a counter (300-A0001 in SQL Account, 300-A001 in
# AutoCount, 3000A001 in EMAS).
CUSTOMER_CODE_STYLE = {
    "autocount": ("300-", 3),
    "autocount_cloud": ("300-", 3),
    "sql_account": ("300-", 4),
    "emas": ("3000", 3),
}

ALL_LAYOUTS = (
    AUTOCOUNT_INVOICE,
    AUTOCOUNT_CREDIT_NOTE,
    AUTOCOUNT_PAYMENT,
    AUTOCOUNT_CUSTOMER,
    SQL_INVOICE,
    SQL_CUSTOMER,
    SQL_PAYMENT,
    SQL_ITEM,
)
