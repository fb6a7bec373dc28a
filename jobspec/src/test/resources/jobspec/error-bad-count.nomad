job "counts" {
  group "g" {
    count = "many"
  }
}
