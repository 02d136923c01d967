"""raw_to_curated: the reference Glue job the orchestrator starts (deploy/ecs/orchestrator.yaml deploys it).

Reads the raw CSV table (id, name, amount, date) from the Glue Data Catalog and writes it to the curated location as Parquet
partitioned by year and month, derived from `date`. The seed's pattern, done right:

- every argument comes from getResolvedOptions, nothing is hard-coded (the template's DefaultArguments set them; the
  orchestrator adds --job-bookmark-option and its correlation argument per run);
- job.init before the first read and job.commit after the last write: without commit the bookmark never advances and
  the next run reads everything again;
- a transformation_ctx on every source and sink: job bookmarks key their state on it, so a source without one is read
  in full on every run.

The local emulator's raw_to_curated (local/LocalAws) takes the same four arguments and produces the same layout.
"""

import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

# Glue passes --JOB_NAME itself; the other four are the job's DefaultArguments (or per-run overrides).
ARGUMENTS = ["JOB_NAME", "source_database", "source_table", "target_database", "target_table"]


def main():
    args = getResolvedOptions(sys.argv, ARGUMENTS)
    glue_context = GlueContext(SparkContext.getOrCreate())
    job = Job(glue_context)
    job.init(args["JOB_NAME"], args)

    raw = glue_context.create_dynamic_frame.from_catalog(
        database=args["source_database"],
        table_name=args["source_table"],
        transformation_ctx="raw_source",
    )

    # A bookmarked run with nothing new still commits, so the bookmark stays where it is and the run succeeds.
    if raw.count() > 0:
        typed = raw.apply_mapping(
            [
                ("id", "string", "id", "long"),
                ("name", "string", "name", "string"),
                ("amount", "string", "amount", "double"),
                ("date", "string", "date", "date"),
            ],
            transformation_ctx="typed",
        )
        frame = typed.toDF()
        # Rows whose date does not parse cannot be placed in a partition: fail loudly rather than write year=null.
        unparsed = frame.filter(F.col("date").isNull()).count()
        if unparsed:
            raise ValueError(f"{unparsed} row(s) of {args['source_database']}.{args['source_table']} have no valid date")

        curated = frame.withColumn("year", F.year("date")).withColumn("month", F.month("date"))
        output = DynamicFrame.fromDF(curated, glue_context, "curated")

        # Writing through the catalog table uses its location and format; partitionKeys lays out year=/month= folders.
        # The orchestrator registers the new partitions in the catalog after the run succeeds.
        glue_context.write_dynamic_frame.from_catalog(
            frame=output,
            database=args["target_database"],
            table_name=args["target_table"],
            additional_options={"partitionKeys": ["year", "month"]},
            transformation_ctx="curated_sink",
        )

    job.commit()


if __name__ == "__main__":
    main()
