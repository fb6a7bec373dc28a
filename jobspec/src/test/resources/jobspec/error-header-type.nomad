job "headers" {
  group "g" {
    service {
      name = "api"

      check {
        type = "http"

        header {
          Authorization = "Bearer x"
        }
      }
    }
  }
}
