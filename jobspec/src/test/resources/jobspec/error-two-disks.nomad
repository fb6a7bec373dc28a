job "disks" {
  group "cache" {
    ephemeral_disk {
      size = 100
    }

    ephemeral_disk {
      size = 200
    }
  }
}
