"""Background work of dataports (django-tasks): making a long report."""

from django_tasks import task


@task()
def make_report(report_id: int) -> None:
    """Make the PDF of a report asked for earlier (see dataports.actions.request_report)."""
    from dataports.actions import make_report as make

    make(report_id)
