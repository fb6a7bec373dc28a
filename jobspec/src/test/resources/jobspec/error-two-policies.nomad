job "scaler" {
  group "g" {
    scaling {
      max = 5

      policy {
        a = 1
      }

      policy {
        b = 2
      }
    }
  }
}
