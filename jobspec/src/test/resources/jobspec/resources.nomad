# Task resources: reserved and dynamic ports, devices with their own rules, and a driver config
# with nested blocks and lists.
job "compute" {
  group "gpu" {
    task "train" {
      driver         = "docker"
      kill_timeout   = "45s"
      kill_signal    = "SIGINT"
      shutdown_delay = "3s"
      kind           = "batch-trainer"

      config {
        image   = "example/train:latest"
        command = "python3"
        args    = ["train.py", "--epochs", "10"]

        port_map {
          board = 6006
        }

        mounts {
          type   = "bind"
          target = "/data"
        }

        mounts {
          type   = "tmpfs"
          target = "/tmp"
        }
      }

      logs {
        max_files     = 3
        max_file_size = 20
      }

      resources {
        cpu    = 4000
        memory = "2048"
        disk   = 100

        network {
          mbits = "50"

          port "board" {}

          port "ssh" {
            static = 2222
          }

          port "sync" {}
        }

        device "nvidia/gpu" {
          count = 2

          constraint {
            attribute = "${device.attr.memory}"
            operator  = ">="
            value     = "8 GiB"
          }

          affinity {
            attribute = "${device.model}"
            value     = "A100"
            weight    = 90
          }
        }

        device "fpga" {}
      }
    }
  }
}
