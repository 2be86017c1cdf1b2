"""Demo data (`manage.py demo`): the method's book with free shipping, and an audio course."""

from shop.models import Product, VatClass

BOOK = {
    "title_nl": "De Oplossing voor pijn",
    "title_en": "The Solution for Pain",
    "description_nl": (
        "Het boek over de methode achter pijnreset: hoe je zenuwstelsel pijn versterkt, en "
        "wat je elke dag kunt doen om het tot rust te brengen.\nNu met gratis verzending."
    ),
    "description_en": (
        "The book about the method behind pijnreset: how your nervous system turns pain up, "
        "and what you can do each day to help it calm down.\nNow with free shipping."
    ),
    "price_cents": 2499,
    "vat_class": VatClass.BOOK,
    "stock": 250,
    "free_shipping": True,
    "position": 1,
}
AUDIO_COURSE = {
    "title_nl": "Luistercursus: twaalf weken rustiger",
    "title_en": "Audio course: twelve calmer weeks",
    "description_nl": "Alle oefeningen van het programma om te luisteren, als download.",
    "description_en": "Every exercise of the programme to listen to, as a download.",
    "price_cents": 1495,
    "vat_class": VatClass.STANDARD,
    "stock": None,
    "digital": True,
    "position": 2,
}


def create_products() -> None:
    Product.objects.update_or_create(slug="de-oplossing-voor-pijn", defaults=BOOK)
    Product.objects.update_or_create(slug="luistercursus", defaults=AUDIO_COURSE)


STEPS = [("shop", create_products)]
