job "durations" {
  group "g" {
    restart {
      delay = "ten seconds"
    }
  }
}
