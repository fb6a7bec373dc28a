job "spreads" {
  spread {
    attribute = "${node.datacenter}"

    target "dc1" {
      percent = 50
      weight  = 2
    }
  }
}
