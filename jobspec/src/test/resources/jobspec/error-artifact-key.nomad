job "fetch" {
  group "g" {
    task "t" {
      artifact {
        source   = "https://example.com/x"
        checksum = "md5:00"
      }
    }
  }
}
