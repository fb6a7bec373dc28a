# Scaling policies: one with a free-form policy (numbers, floats, booleans, nested blocks), one bare.
job "autoscaled" {
  group "workers" {
    count = 4

    scaling {
      enabled = true
      min     = 2
      max     = 40

      policy {
        source   = "prometheus"
        cooldown = "2m"
        target   = .75
        window   = 3
        dry_run  = false

        check "load" {
          query = "avg(load)"
        }
      }
    }
  }

  group "bare" {
    scaling {
      max = 3
    }
  }
}
