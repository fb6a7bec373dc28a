job "logs" {
  group "g" {
    task "t" {
      logs {
        max_files = 1
      }

      logs {
        max_files = 2
      }
    }
  }
}
