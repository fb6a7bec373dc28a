job "vaults" {
  group "g" {
    task "t" {
      vault {
        policies = ["a"]
      }

      vault {
        policies = ["b"]
      }
    }
  }
}
