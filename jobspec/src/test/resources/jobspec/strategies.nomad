# Update, migrate and reschedule strategies at job level and overridden per group, with restart,
# ephemeral disk and client-disconnect settings.
job "rollout" {
  type        = "service"
  priority    = "65"
  all_at_once = false
  region      = "west"
  namespace   = "shop"

  meta {
    team = "checkout"
  }

  meta {
    tier = "1"
  }

  update {
    stagger           = "20s"
    max_parallel      = 1
    health_check      = "checks"
    min_healthy_time  = "15s"
    healthy_deadline  = "4m"
    progress_deadline = "8m"
    auto_revert       = true
    auto_promote      = false
    canary            = 1
  }

  migrate {
    max_parallel     = 2
    health_check     = "task_states"
    min_healthy_time = "12s"
    healthy_deadline = "3m"
  }

  reschedule {
    attempts       = 4
    interval       = "2h"
    delay          = "20s"
    delay_function = "fibonacci"
    max_delay      = "10m"
    unlimited      = false
  }

  group "cart" {
    count                        = 6
    stop_after_client_disconnect = "90s"

    update {
      max_parallel = 3
      canary       = 2
    }

    migrate {
      max_parallel = 1
    }

    reschedule {
      unlimited      = true
      delay_function = "exponential"
      delay          = "5s"
    }

    restart {
      attempts = 3
      interval = "5m"
      delay    = "20s"
      mode     = "fail"
    }

    ephemeral_disk {
      sticky  = true
      migrate = true
      size    = "500"
    }

    meta {
      shard = "a"
    }

    task "cart" {
      driver = "docker"
      user   = "nobody"

      config {
        image = "example/cart:5"
      }

      restart {
        attempts = 1
      }

      meta {
        role = "primary"
      }

      env {
        PORT = "8080"
        MODE = "live"
      }
    }
  }
}
