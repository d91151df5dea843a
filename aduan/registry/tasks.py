"""The registry import as a background task (`aduan worker`), for the upload page."""

from django_tasks import task

from aduan.registry.importer import import_file
from aduan.registry.models import ImportJob
from aduan.registry.rules import ImportRefused
from aduan.tabular import data_rows


@task()
def run_import(job_id: int) -> None:
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.mark_running(job_id)
    ImportJob.objects.filter(pk=job_id).update(rows_total=data_rows(job.file.path))
    try:
        summary = import_file(job.file.path, source=job.source, period=job.period,
                              progress=ImportJob.progress_of(job_id))
    except ImportRefused as refused:
        ImportJob.mark_failed(job_id, str(refused))
        return
    except Exception:
        ImportJob.mark_failed(job_id)
        raise
    ImportJob.mark_done(job_id, rows_done=summary.read, summary=summary.as_dict())
