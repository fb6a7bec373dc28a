job "resched" {
  reschedule {
    delay = "soon"
  }
}
