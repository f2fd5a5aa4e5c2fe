"""The base of every form: what any form must refuse, whoever wrote it."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from markupsafe import Markup
from werkzeug.datastructures import CombinedMultiDict
from wtforms.widgets import HiddenInput, Input

from matchmaker.textrules import CONTROL_CHARACTER, LINE_BREAK


class Form(FlaskForm):
    """A FlaskForm that only reads uploads when it has a file field, and refuses control
    characters in any text it receives."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form, formdata):
            wrapped = super().wrap_formdata(form, formdata)
            if wrapped is None or wrapped is formdata:  # not submitted, or data passed in
                return wrapped
            # Flask-WTF merges uploaded files (or a JSON body) into the form data: a file
            # or a JSON object under a text field's name would reach validators that
            # expect a string. Only forms with a file field read uploads.
            if any(isinstance(field, FileField) for field in form._fields.values()):
                return CombinedMultiDict((request.files, request.form))
            return request.form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Pages hold several forms: buttons need no id (nothing refers to them), and
        # every `id="submit"` more would be a duplicate id on the page.
        for field in self:
            if field.type == "SubmitField":
                field.id = False

    def hidden_tag(self, *fields) -> Markup:
        """The hidden fields (the CSRF token among them) without ids, for the same reason."""
        chosen = [getattr(self, name) if isinstance(name, str) else name for name in fields]
        hidden = [field for field in (chosen or self) if isinstance(field.widget, HiddenInput)]
        return Markup("\n".join(str(field(id=False)) for field in hidden))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            values = field.data if isinstance(field.data, list) else [field.data]
            texts = [value for value in values if isinstance(value, str)]
            if any(CONTROL_CHARACTER.search(value) for value in texts):
                field.errors = [*field.errors, str(_l("Remove the control characters."))]
                valid = False
            elif isinstance(field.widget, Input) and any(LINE_BREAK.search(v) for v in texts):
                # A name, a title, an address is one line (it goes into mail subjects).
                field.errors = [*field.errors, str(_l("Write this on one line."))]
                valid = False
        return valid
