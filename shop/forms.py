from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from shop.models import Country, PaymentMethod
from shop.postcodes import normalise


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=0,
        max_value=settings.SHOP_MAX_QUANTITY,
        error_messages={
            "min_value": _("The quantity cannot be negative."),
            "max_value": _("You can order at most %(limit_value)s of one product at a time."),
            "invalid": _("Enter a whole number."),
        },
    )


class CheckoutForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    name = forms.CharField(label=_("Name"), max_length=120)
    street = forms.CharField(label=_("Street and house number"), max_length=200, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=12, required=False)
    city = forms.CharField(label=_("Place"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices, initial="NL")
    method = forms.ChoiceField(label=_("How do you want to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, needs_address: bool, methods: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.needs_address = needs_address
        labels = dict(PaymentMethod.choices)
        method = self.fields["method"]
        assert isinstance(method, forms.ChoiceField)
        method.choices = [(m, labels[m]) for m in methods]
        self.fields["method"].initial = methods[0]
        for name in ("street", "postcode", "city"):
            self.fields[name].required = needs_address
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["street"].widget.attrs["autocomplete"] = "street-address"
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["city"].widget.attrs["autocomplete"] = "address-level2"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.needs_address and data.get("postcode") and data.get("country"):
            postcode = normalise(data["postcode"], data["country"])
            if postcode is None:
                example = "3511 AB" if data["country"] == "NL" else "1000"
                self.add_error(
                    "postcode",
                    _("This is not a postcode of %(country)s. Write it like %(example)s.")
                    % {"country": dict(Country.choices)[data["country"]], "example": example},
                )
            else:
                data["postcode"] = postcode
        return data
