from django.db import migrations, models


def render_intros(apps, schema_editor):
    """Rows loaded before this field existed get their HTML now, not on the next load."""
    from content.rendering import render_markdown

    script_model = apps.get_model("exercises", "ExerciseScript")
    for script in script_model.objects.all():
        script.intro_html = render_markdown(script.intro)
        script.save(update_fields=["intro_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("exercises", "0003_breath_hold_optional"),
    ]

    operations = [
        migrations.AddField(
            model_name="exercisescript",
            name="intro_html",
            field=models.TextField(
                default="", help_text="The introduction rendered and sanitised at load time"
            ),
        ),
        migrations.RunPython(render_intros, migrations.RunPython.noop),
    ]
