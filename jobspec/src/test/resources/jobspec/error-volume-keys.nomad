job "vols" {
  group "g" {
    volume "data" {
      type     = "host"
      source   = "data"
      capacity = "10G"
      writable = true
    }
  }
}
