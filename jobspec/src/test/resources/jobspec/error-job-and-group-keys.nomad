job "typos" {
  datacenter = ["dc1"]
  priorty    = 50

  group "g" {
    cont = 2
  }
}
