"""Scale-out: `eventcoder code INPUT... -o OUT_DIR [--workers N | --scheduler tcp://HOST:8786]` (docs/scale.md).

The inputs are cut into partitions of a few hundred documents on the driver (`plan`), each partition is read and
coded by a worker that keeps its Coder loaded between tasks (`worker`), results are taken in input order so that
the merged output is byte for byte that of a single-process run, and every finished partition is on disk, with
the manifest saying so, before the next is taken (`output`): a killed run resumes where it stopped (`run`).

Dask is imported only when a cluster is used.
"""

from .plan import DEFAULT_PARTITION_SIZE, Partition, PlanError, Source, plan_inputs
from .run import CodeJob, DistributedCoder, JobReport, run_code_job
from .worker import JobSpec, code_batches, code_partition, record_line

__all__ = [
    "DEFAULT_PARTITION_SIZE", "CodeJob", "DistributedCoder", "JobReport", "JobSpec", "Partition", "PlanError",
    "Source", "code_batches", "code_partition", "plan_inputs", "record_line", "run_code_job",
]
