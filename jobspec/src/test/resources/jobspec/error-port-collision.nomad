job "twice" {
  group "g" {
    network {
      port "Admin" {}
      port "admin" {}
    }
  }
}
