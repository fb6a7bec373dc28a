# A periodic batch job.
job "nightly-report" {
  type = "batch"

  periodic {
    cron             = "15 2 * * *"
    prohibit_overlap = true
    time_zone        = "America/Chicago"
    enabled          = "false"
  }

  group "report" {
    task "render" {
      driver = "raw_exec"

      config {
        command = "/opt/report/render"
        args    = ["--since", "24h"]
      }
    }
  }
}
