"""Background work of the jobs app."""

# TODO 1: a @shared_task run_job(job_id) (registered as jobs.tasks.run_job) that marks the job
#         "running", runs processing.count_words(job.text, on_progress) where on_progress stores
#         the job's progress (an update() of that one column), then stores the result with status
#         "done" and progress 100, and returns the result. If counting raises, mark the job
#         "failed" and re-raise.
