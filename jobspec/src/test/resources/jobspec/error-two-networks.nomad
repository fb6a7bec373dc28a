job "nets" {
  group "g" {
    task "t" {
      resources {
        network {
          mbits = 10
        }

        network {
          mbits = 20
        }
      }
    }
  }
}
