"""Physiotherapy practices, their opening hours and closures, and therapists."""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import date, time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, validate_time_zone
from bookings.availability_version import ChangesAvailability
from practices.fields import ChoiceSetField
from practices.geo import BoundingBox

if TYPE_CHECKING:
    from accounts.models import User

EVENING = time(18, 0)


class Service(models.TextChoices):
    IN_PERSON = "in_person", _("At the practice")
    AT_HOME = "at_home", _("At your home")
    PHONE = "phone", _("By phone")
    VIDEO = "video", _("By video")


REMOTE_SERVICES = (Service.PHONE, Service.VIDEO)


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    TURKISH = "tr", _("Turkish")
    ARABIC = "ar", _("Arabic")
    POLISH = "pl", _("Polish")
    SPANISH = "es", _("Spanish")
    FRISIAN = "fy", _("Frisian")


class Specialisation(models.TextChoices):
    CHRONIC_PAIN = "chronic_pain", _("Chronic pain")
    FIBROMYALGIA = "fibromyalgia", _("Fibromyalgia")
    PAIN_EDUCATION = "pain_education", _("Pain education")
    STRESS_AND_BREATHING = "stress_breathing", _("Stress and breathing")
    PSYCHOSOMATIC = "psychosomatic", _("Psychosomatic physiotherapy")
    GRADED_ACTIVITY = "graded_activity", _("Pacing and graded activity")
    MANUAL_THERAPY = "manual_therapy", _("Manual therapy")
    SLEEP = "sleep", _("Sleep and fatigue")


class Profession(models.TextChoices):
    PHYSIOTHERAPIST = "physiotherapist", _("Physiotherapist")
    PSYCHOSOMATIC = "psychosomatic", _("Psychosomatic physiotherapist")
    MANUAL = "manual", _("Manual therapist")
    EXERCISE = "exercise", _("Exercise therapist")
    PAIN_SPECIALIST = "pain_specialist", _("Pain specialist physiotherapist")


class Province(models.TextChoices):
    DRENTHE = "DR", "Drenthe"
    FLEVOLAND = "FL", "Flevoland"
    FRIESLAND = "FR", "Friesland"
    GELDERLAND = "GE", "Gelderland"
    GRONINGEN = "GR", "Groningen"
    LIMBURG = "LI", "Limburg"
    NOORD_BRABANT = "NB", "Noord-Brabant"
    NOORD_HOLLAND = "NH", "Noord-Holland"
    OVERIJSSEL = "OV", "Overijssel"
    UTRECHT = "UT", "Utrecht"
    ZEELAND = "ZE", "Zeeland"
    ZUID_HOLLAND = "ZH", "Zuid-Holland"


validate_postcode = RegexValidator(
    r"^[1-9][0-9]{3} [A-Z]{2}$", _("Enter a Dutch postcode such as 3511 AB.")
)


class Insurer(models.TextChoices):
    """The health insurers (groups) a practice can have a contract with."""

    ZILVEREN_KRUIS = "achmea", "Zilveren Kruis (Achmea)"
    VGZ = "vgz", "VGZ"
    CZ = "cz", "CZ"
    MENZIS = "menzis", "Menzis"
    DSW = "dsw", "DSW"
    ONVZ = "onvz", "ONVZ"
    ASR = "asr", "a.s.r."
    ZORG_EN_ZEKERHEID = "zz", "Zorg en Zekerheid"
    ENO = "eno", "Eno"
    CARESQ = "caresq", "Caresq"


def in_language(nl: str, en: str) -> str:
    return en if (get_language() or "nl").startswith("en") and en else nl


class PracticeQuerySet(ChangesAvailability["Practice"]):
    def listed(self) -> PracticeQuerySet:
        """Practices shown to the public."""
        return self.filter(is_active=True)

    def offering(self, service: str) -> PracticeQuerySet:
        return self.filter(services__contains=ChoiceSetField.lookup_value(service))

    def offering_remote(self) -> PracticeQuerySet:
        """Practices with a therapist who helps by phone or video."""
        remote = Q()
        for service in REMOTE_SERVICES:
            remote |= Q(services__contains=ChoiceSetField.lookup_value(service))
        therapists = Therapist.objects.filter(practices=OuterRef("pk"), is_active=True)
        therapist_remote = Q()
        for service in REMOTE_SERVICES:
            therapist_remote |= Q(kinds__contains=ChoiceSetField.lookup_value(service))
        return self.filter(remote).filter(Exists(therapists.filter(therapist_remote)))

    def speaking(self, language: str) -> PracticeQuerySet:
        return self.filter(languages__contains=ChoiceSetField.lookup_value(language))

    def with_specialisation(self, specialisation: str) -> PracticeQuerySet:
        therapists = Therapist.objects.filter(
            practices=OuterRef("pk"),
            is_active=True,
            specialisations__contains=ChoiceSetField.lookup_value(specialisation),
        )
        return self.filter(Exists(therapists))

    def open_evenings(self) -> PracticeQuerySet:
        late = OpeningHours.objects.filter(practice=OuterRef("pk"), closes__gt=EVENING)
        return self.filter(Exists(late))

    def within(self, box: BoundingBox) -> PracticeQuerySet:
        return self.filter(
            latitude__gte=box.min_latitude,
            latitude__lte=box.max_latitude,
            longitude__gte=box.min_longitude,
            longitude__lte=box.max_longitude,
        )

    def managed_by(self, user: User) -> PracticeQuerySet:
        """The practices `user` may edit: all for the operator, their own for a manager."""
        if user.is_superuser or user.role == Role.NETWORK_OPERATOR:
            return self.all()
        if user.role == Role.PRACTICE_MANAGER:
            return self.filter(managers=user)
        return self.none()

    def staffed_by(self, user: User) -> PracticeQuerySet:
        """The practices whose agenda `user` may see: managed ones, or where they work."""
        if user.is_superuser or user.role == Role.NETWORK_OPERATOR:
            return self.all()
        return self.filter(Q(managers=user) | Q(therapists__user=user)).distinct()


class Practice(models.Model):
    """A physiotherapy practice in the network, with its booking policy."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    street = models.CharField(_("street and number"), max_length=120)
    postcode = models.CharField(_("postcode"), max_length=7, validators=[validate_postcode])
    place = models.CharField(_("place"), max_length=80)
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.DEFAULT_USER_TIME_ZONE,
        validators=[validate_time_zone],
    )
    services = ChoiceSetField(_("services"), choices=Service.choices)
    wheelchair_accessible = models.BooleanField(_("wheelchair accessible"), default=False)
    parking = models.BooleanField(_("parking nearby"), default=False)
    languages = ChoiceSetField(_("languages spoken"), choices=Language.choices)
    about_nl = models.TextField(_("about the practice (Dutch)"), max_length=1200, blank=True)
    about_en = models.TextField(_("about the practice (English)"), max_length=1200, blank=True)
    quality_label = models.BooleanField(_("carries the network's quality label"), default=False)
    # What a visitor checks before booking (issue 16): contracts and direct access.
    insurers = ChoiceSetField(_("contracts with insurers"), choices=Insurer.choices)
    direct_access = models.BooleanField(
        _("patients can come without a referral (directe toegankelijkheid)"), default=True
    )
    is_active = models.BooleanField(_("listed"), default=True)
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="managed_practices"
    )
    # Booking policy (section 6 of the issue), with the network's defaults.
    minimum_notice_hours = models.PositiveSmallIntegerField(_("minimum notice (hours)"), default=2)
    horizon_weeks = models.PositiveSmallIntegerField(
        _("book at most this many weeks ahead"), default=8
    )
    free_cancel_hours = models.PositiveSmallIntegerField(
        _("patients cancel for free until this many hours before"), default=24
    )
    max_reschedules = models.PositiveSmallIntegerField(
        _("how often a patient may move an appointment"), default=2
    )
    cancellation_policy_nl = models.TextField(
        _("cancellation policy (Dutch)"), max_length=800, blank=True
    )
    cancellation_policy_en = models.TextField(
        _("cancellation policy (English)"), max_length=800, blank=True
    )

    objects = PracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="practice_lat_lon")]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="practice_coordinates_valid",
            ),
            models.CheckConstraint(
                condition=Q(horizon_weeks__gte=1) & Q(horizon_weeks__lte=52),
                name="practice_horizon_1_to_52_weeks",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.place}"

    def get_absolute_url(self) -> str:
        return reverse("practices:practice", args=[self.public_id])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def about(self) -> str:
        return in_language(self.about_nl, self.about_en)

    @property
    def cancellation_policy(self) -> str:
        return in_language(self.cancellation_policy_nl, self.cancellation_policy_en)

    def offers(self, service: str) -> bool:
        return service in self.services

    @property
    def offers_remote(self) -> bool:
        return any(service in self.services for service in REMOTE_SERVICES)

    def service_labels(self) -> list[str]:
        return [str(Service(code).label) for code in self.services]

    def insurer_labels(self) -> list[str]:
        return [str(Insurer(code).label) for code in self.insurers]

    def language_labels(self) -> list[str]:
        return [str(Language(code).label) for code in self.languages]

    def is_managed_by(self, user: User) -> bool:
        return Practice.objects.managed_by(user).filter(pk=self.pk).exists()


class OpeningHours(models.Model):
    """When the practice's doors are open on a weekday (several blocks allowed)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")), name="opens_before_closes"
            ),
            models.CheckConstraint(condition=Q(weekday__lte=6), name="opening_weekday_0_to_6"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    @property
    def is_evening(self) -> bool:
        return self.closes > EVENING


class Closure(models.Model):
    """Days the practice is closed (a public holiday, a summer week)."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="closures")
    first_day = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=120, blank=True)

    objects = ChangesAvailability["Closure"].as_manager()

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_day__lte=models.F("last_day")), name="closure_days_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_day}..{self.last_day} {self.reason}"

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


def therapist_photo_path(instance: Therapist, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"therapists/{uuid.uuid4().hex}.{extension}"


class TherapistQuerySet(ChangesAvailability["Therapist"]):
    def listed(self) -> TherapistQuerySet:
        return self.filter(is_active=True)

    def remote(self) -> TherapistQuerySet:
        """Therapists who help by phone or by video."""
        query = Q()
        for service in REMOTE_SERVICES:
            query |= Q(kinds__contains=ChoiceSetField.lookup_value(service))
        return self.filter(query)

    def doing(self, kind: str) -> TherapistQuerySet:
        return self.filter(kinds__contains=ChoiceSetField.lookup_value(kind))


class Therapist(models.Model):
    """A physiotherapist in the network; may work at several practices."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="therapist",
        limit_choices_to={"role": Role.THERAPIST},
    )
    name = models.CharField(_("name"), max_length=120)
    photo = models.FileField(
        _("photo"),
        upload_to=therapist_photo_path,
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    profession = models.CharField(
        _("profession"),
        max_length=20,
        choices=Profession.choices,
        default=Profession.PHYSIOTHERAPIST,
    )
    big_number = models.CharField(
        _("BIG number"),
        max_length=11,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{11}$", _("A BIG number has 11 digits."))],
    )
    quality_register_number = models.CharField(
        _("quality register number"), max_length=20, blank=True
    )
    specialisations = ChoiceSetField(_("specialisations"), choices=Specialisation.choices)
    languages = ChoiceSetField(_("languages spoken"), choices=Language.choices)
    kinds = ChoiceSetField(
        _("ways of helping"),
        choices=[
            (Service.IN_PERSON.value, Service.IN_PERSON.label),
            (Service.PHONE.value, Service.PHONE.label),
            (Service.VIDEO.value, Service.VIDEO.label),
        ],
    )
    about_nl = models.TextField(_("about (Dutch)"), max_length=1200, blank=True)
    about_en = models.TextField(_("about (English)"), max_length=1200, blank=True)
    email = models.EmailField(_("e-mail address for booking notices"), blank=True)
    practices = models.ManyToManyField(Practice, related_name="therapists", blank=True)
    is_active = models.BooleanField(_("listed"), default=True)

    objects = TherapistQuerySet.as_manager()

    class Meta:
        verbose_name = _("therapist")
        verbose_name_plural = _("therapists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("practices:therapist", args=[self.public_id])

    @property
    def about(self) -> str:
        return in_language(self.about_nl, self.about_en)

    @property
    def notice_email(self) -> str:
        """Where booking notices go: the therapist's own address, else their account's."""
        if self.email:
            return self.email
        return self.user.email if self.user_id and self.user else ""

    @property
    def initials(self) -> str:
        return "".join(part[0] for part in self.name.split()[:2] if part).upper()

    def specialisation_labels(self) -> list[str]:
        return [str(Specialisation(code).label) for code in self.specialisations]

    def language_labels(self) -> list[str]:
        return [str(Language(code).label) for code in self.languages]

    def kind_labels(self) -> list[str]:
        return [str(Service(code).label) for code in self.kinds]

    def works_at(self, practice: Practice) -> bool:
        return any(p.pk == practice.pk for p in self.practices.all())
