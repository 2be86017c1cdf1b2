import pytest

from shop.models import Product, VatClass


@pytest.fixture
def book(db):
    return Product.objects.create(
        slug="boek", title_nl="De Oplossing voor pijn", title_en="The Solution for Pain",
        price_cents=2499, vat_class=VatClass.BOOK, stock=5, free_shipping=True,
    )  # fmt: skip


@pytest.fixture
def course(db):
    return Product.objects.create(
        slug="cursus", title_nl="Luistercursus", title_en="Audio course", price_cents=1495,
        vat_class=VatClass.STANDARD, stock=None, digital=True,
    )  # fmt: skip


@pytest.fixture
def mug(db):
    return Product.objects.create(
        slug="mok", title_nl="Mok", title_en="Mug", price_cents=1200,
        vat_class=VatClass.STANDARD, stock=3,
    )  # fmt: skip
