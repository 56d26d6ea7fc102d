# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The Malay and Chinese translations: complete against the .pot, every
placeholder and tag kept (a lost ``%(order)s`` breaks the message at run
time), and loaded by Odoo into the screens a rep sees."""

import re
from collections import Counter
from pathlib import Path

import polib

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SowCommon

I18N = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES = {"ms.po": "ms_MY", "zh_CN.po": "zh_CN"}

# %s, %d, %(name)s, %%, {name} and {} as Python and Owl use them
PLACEHOLDER = re.compile(r"%%|%\([a-zA-Z_]\w*\)[sdrf]|%[sdrf]|\{[a-zA-Z_]?\w*\}")
TAG = re.compile(r"</?[a-zA-Z][\w-]*")


def _placeholders(text):
    return Counter(PLACEHOLDER.findall(text))


def _tags(text):
    return Counter(TAG.findall(text))


@tagged("post_install", "-at_install")
class TestTranslations(SowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pot = polib.pofile(str(I18N / "sales_order_workflow.pot"))
        cls.pot_ids = {(entry.msgctxt, entry.msgid) for entry in cls.pot}

    def test_every_string_translated(self):
        for filename in LANGUAGES:
            with self.subTest(po=filename):
                po = polib.pofile(str(I18N / filename))
                translated = {
                    (entry.msgctxt, entry.msgid)
                    for entry in po
                    if entry.msgstr.strip() and not entry.obsolete
                }
                missing = sorted(msgid for _ctx, msgid in self.pot_ids - translated)
                self.assertFalse(
                    missing,
                    f"{filename}: {len(missing)} of {len(self.pot_ids)} strings "
                    f"untranslated (run make pot, then translate), e.g. {missing[:5]}",
                )

    def test_placeholders_and_tags_kept(self):
        for filename in LANGUAGES:
            po = polib.pofile(str(I18N / filename))
            for entry in po:
                if not entry.msgstr or entry.obsolete:
                    continue
                with self.subTest(po=filename, msgid=entry.msgid[:60]):
                    self.assertEqual(
                        _placeholders(entry.msgstr), _placeholders(entry.msgid)
                    )
                    self.assertEqual(_tags(entry.msgstr), _tags(entry.msgid))

    def test_odoo_loads_them(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "sales_order_workflow")]
        )
        menu = self.env.ref("sales_order_workflow.menu_root")
        field = self.env["ir.model.fields"]._get("sale.visit", "location_status")
        for filename, code in LANGUAGES.items():
            with self.subTest(lang=code):
                po = {
                    entry.msgid: entry.msgstr
                    for entry in polib.pofile(str(I18N / filename))
                    if entry.msgstr
                }
                self.env["res.lang"]._activate_lang(code)
                module._update_translations(code, overwrite=True)
                self.assertEqual(menu.with_context(lang=code).name, po[menu.name])
                self.assertEqual(
                    field.with_context(lang=code).field_description,
                    po[field.field_description],
                )
                # a refusal raised in Python, in the rep's language, with
                # the customer's name put into the translated sentence
                source = (
                    "Clock in first: visits need a clocked-in day. Start your day "
                    "(Clock In), then check in at %(customer)s."
                )
                visit = self._sow_create_visit(self.customer_kl, self.rep)
                self.rep.lang = code
                with self.assertRaises(UserError) as refusal:
                    visit.with_user(self.rep).with_context(lang=code).action_check_in(
                        *self._sow_north_of(self.customer_kl, 10), 5
                    )
                self.assertEqual(
                    refusal.exception.args[0],
                    po[source] % {"customer": self.customer_kl.display_name},
                )
