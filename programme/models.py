import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programme import days


class Enrolment(models.Model):
    """A patient's place in the 12-week programme (one per patient).

    Dates are the patient's local dates. A pause freezes the programme day
    (see programme/days.py); restarting begins again at day 1.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment"
    )
    started_on = models.DateField(_("start date"))
    paused_on = models.DateField(_("paused since"), null=True, blank=True)
    paused_days = models.PositiveIntegerField(_("days paused before"), default=0)
    created_at = models.DateTimeField(default=timezone.now)
    restarted_at = models.DateTimeField(null=True, blank=True)
    flare_suggestion_dismissed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.CheckConstraint(
                condition=Q(paused_on__isnull=True) | Q(paused_on__gte=models.F("started_on")),
                name="enrolment_paused_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} from {self.started_on}"

    def day(self, today: date) -> days.ProgrammeDay | None:
        """Where the patient is on `today` (their local date); None before the start."""
        return days.programme_day(
            started_on=self.started_on,
            today=today,
            paused_days=self.paused_days,
            paused_on=self.paused_on,
        )

    @property
    def is_paused(self) -> bool:
        return self.paused_on is not None


class Evidence(models.TextChoices):
    A = "A", _("A: strong evidence")
    B = "B", _("B: moderate evidence")
    C = "C", _("C: limited evidence")
    D = "D", _("D: plausible, little direct evidence")


class LessonQuerySet(models.QuerySet["Lesson"]):
    def current(self) -> "LessonQuerySet":
        """Lessons still in the content files (a removed lesson keeps its progress rows)."""
        return self.filter(active=True)

    def in_programme_order(self) -> "LessonQuerySet":
        return self.order_by("week", "order")


class Lesson(models.Model):
    """One lesson of the programme, the same in every language; its texts are LessonText rows.

    The `key` comes from the content files and never changes, so progress (which
    points here) survives every text change.
    """

    key = models.SlugField(max_length=80, unique=True)
    week = models.PositiveSmallIntegerField()
    order = models.PositiveSmallIntegerField()
    evidence = models.CharField(max_length=1, choices=Evidence.choices)
    exercises = models.JSONField(default=list, blank=True)
    active = models.BooleanField(default=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["week", "order"]
        constraints = [
            models.CheckConstraint(condition=Q(week__gte=1, week__lte=12), name="lesson_week_1_12"),
            models.CheckConstraint(
                condition=Q(order__gte=1, order__lte=3), name="lesson_order_1_3"
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def first_day(self) -> int:
        return days.lesson_first_day(self.week, self.order)


class LessonText(models.Model):
    """A lesson in one language, rendered from Markdown at load time (sanitised HTML)."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    title = models.CharField(max_length=200)
    reading_minutes = models.PositiveSmallIntegerField()
    body_html = models.TextField()
    reflection_question = models.CharField(max_length=300, blank=True)
    source_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "language"], name="one_text_per_language"),
        ]

    def __str__(self) -> str:
        return f"{self.lesson.key} ({self.language})"


class LessonProgressQuerySet(models.QuerySet["LessonProgress"]):
    def of(self, user: object) -> "LessonProgressQuerySet":
        return self.filter(user=user)


class LessonProgress(models.Model):
    """That a patient finished a lesson, and their private reflection (never shared)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField()
    completed_on = models.DateField()
    reflection = models.TextField(blank=True, max_length=2000)

    objects = LessonProgressQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson"),
        ]

    def __str__(self) -> str:
        return f"{self.user} finished {self.lesson}"


class PageQuerySet(models.QuerySet["Page"]):
    def public(self) -> "PageQuerySet":
        return self.filter(public=True)

    def in_language(self, language: str) -> "PageQuerySet":
        return self.filter(language=language)


class Page(models.Model):
    """A pain-education page, the flare plan or "when to see a doctor", in one language."""

    key = models.SlugField(max_length=80)
    slug = models.SlugField(max_length=80)
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    title = models.CharField(max_length=200)
    order = models.IntegerField(default=100)
    public = models.BooleanField(default=True)
    body_html = models.TextField()
    source_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["key", "language"], name="one_page_per_language"),
            models.UniqueConstraint(fields=["slug", "language"], name="one_page_per_slug"),
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"
