from django.urls import path

from shop import views

app_name = "shop"
urlpatterns = [
    path("", views.product_list, name="list"),
    path("mandje/", views.cart_page, name="cart"),
    path("mandje/<uuid:product_id>/", views.set_quantity, name="set_quantity"),
    path("afrekenen/", views.checkout, name="checkout"),
    path("bestelling/<str:token>/", views.order_page, name="order"),
    path("mijn-bestellingen/", views.my_orders, name="mine"),
    path("<slug:slug>/", views.product_page, name="product"),
]
