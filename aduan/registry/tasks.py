"""The registry import as a background task (`aduan worker`), for the upload page."""

from django.utils import timezone
from django_tasks import task

from aduan.registry.importer import ImportRefused, import_file
from aduan.registry.models import ImportJob


@task()
def run_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.RUNNING)

    def progress(rows: int) -> None:
        ImportJob.objects.filter(pk=job_id).update(rows_read=rows)

    try:
        summary = import_file(job.file.path, source=job.source, period=job.period, progress=progress)
    except ImportRefused as refused:
        ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.FAILED, error=str(refused),
                                                  finished_at=timezone.now())
        return
    except Exception:
        ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.FAILED, finished_at=timezone.now())
        raise
    ImportJob.objects.filter(pk=job_id).update(state=ImportJob.State.DONE, rows_read=summary.read,
                                               summary=summary.as_dict(), finished_at=timezone.now())
