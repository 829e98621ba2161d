"""Form fields shared by the apps' forms."""

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from minsheng.core.chinese_numbers import format_chinese_number, parse_chinese_number


class QuantityField(forms.CharField):
    """A figure typed as people write it in the unit shown: "3.5万" is stored as 35000.

    The unit may be fixed (`unit="人"`, then "3.5万人" is read too) or set later by the form
    once it knows the indicator. The initial value is shown the same way ("3.5万").
    """

    default_error_messages = {
        "invalid": _("“%(value)s” is not a figure: write it like 35000 or 3.5万."),
        "negative": _("The figure cannot be negative."),
    }

    def __init__(self, *, unit: str = "", min_value: Decimal | None = Decimal(0), **kwargs: Any):
        super().__init__(**kwargs)
        # Not CharField's max_length: its validator would measure the Decimal.
        self.widget.attrs.setdefault("maxlength", "40")
        self.unit = unit
        self.min_value = min_value
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("autocomplete", "off")

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            return format_chinese_number(value)
        return value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = (super().to_python(value) or "")[:40]
        if text in self.empty_values:
            return None
        number = parse_chinese_number(text, self.unit)
        if number is None or not number.is_finite():
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": text}
            )
        if self.min_value is not None and number < self.min_value:
            raise ValidationError(self.error_messages["negative"], code="negative")
        return number
