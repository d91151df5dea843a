from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the task worker of the configured queue: the database's, or RQ's on Redis."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="work through what is queued, then stop")

    def handle(self, *args, burst, **options):
        if settings.TASKS["default"]["BACKEND"] == settings.RQ_BACKEND:
            call_command("rqworker", "default", burst=burst, job_class="django_tasks_rq.Job")
        elif burst:
            call_command("db_worker", batch=True)
        else:
            call_command("db_worker")
