"""What can go wrong with an order, in words for the buyer or operator."""

from django.utils.translation import gettext_lazy as _


class ShopError(Exception):
    message = _("Something went wrong with the order.")


class EmptyCart(ShopError):
    message = _("Your cart is empty.")


class SoldOut(ShopError):
    message = _("Sorry: %(title)s sold out while it was in your cart. Nothing was ordered.")

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.title = title

    def __str__(self) -> str:
        return str(self.message % {"title": self.title})


class NotForSale(ShopError):
    message = _("A product in your cart is no longer for sale. Nothing was ordered.")


class NotAllowedNow(ShopError):
    message = _("This order cannot change that way in its current state.")


class UnknownPayment(ShopError):
    message = _("There is no order with this payment.")


class PaymentUnavailable(ShopError):
    message = _("Paying online does not work right now. You can pay by bank transfer.")
