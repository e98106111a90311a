"""codex: one environment per stack — production, staging or pr-<N>."""

import os
from pathlib import Path

import pulumi

from components.environment import Environment, EnvironmentArgs, deploy_origin, deploy_time
from components.settings import load_from_pulumi

settings = load_from_pulumi(Path(__file__).parent)
env = Environment(
    "codex",
    EnvironmentArgs(
        settings=settings, now=deploy_time(), origin=deploy_origin(settings.stage, os.environ)
    ),
)

pulumi.export("environment", settings.stage.kind.value)
pulumi.export("webUrl", env.web.url)
pulumi.export("authUrl", env.auth.url)
pulumi.export("stripeWebhookUrl", env.stripe_webhook.url)
pulumi.export("neonBranchId", env.database.branch_id)
pulumi.export("neonBranchName", env.database.branch_name)
pulumi.export("databaseUrl", env.database.database_url)
pulumi.export("workerNames", env.worker_names)
