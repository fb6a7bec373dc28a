# Every block of Nomad 0.11's job-spec grammar, once.
job "everything" {
  region = "global"
  namespace = "default"
  type = "batch"
  priority = 70
  all_at_once = true
  datacenters = ["dc1", "dc2"]
  vault_token = "v"
  consul_token = "c"
  meta { owner = "ops" team = "core" }
  constraint { attribute = "${attr.kernel.name}" value = "linux" }
  constraint { distinct_hosts = true }
  constraint { attribute = "${meta.rack}" distinct_property = "${meta.rack}" }
  constraint { attribute = "${attr.nomad.version}" version = ">= 0.11" }
  affinity { attribute = "${node.datacenter}" value = "dc1" weight = 50 }
  spread {
    attribute = "${node.datacenter}"
    weight = 100
    target "dc1" { percent = 60 }
    target "dc2" { percent = 40 }
  }
  update { stagger = "30s" max_parallel = 2 health_check = "task_states" auto_promote = true canary = 1 }
  migrate { max_parallel = 2 }
  reschedule { attempts = 3 interval = "1h" delay = "30s" delay_function = "exponential" max_delay = "2m" unlimited = false }
  periodic { cron = "*/5 * * * *" prohibit_overlap = true time_zone = "Europe/Paris" }
  parameterized { payload = "optional" meta_required = ["a"] meta_optional = ["b"] }
  vault { policies = ["p"] }

  group "g" {
    count = 2
    shutdown_delay = "5s"
    stop_after_client_disconnect = "1m"
    restart { attempts = 1 interval = "5m" delay = "10s" mode = "delay" }
    ephemeral_disk { sticky = true migrate = true size = 500 }
    network {
      mode = "bridge"
      port "http" { static = 8080 to = 80 }
      port "admin" {}
    }
    service {
      name = "web"
      port = "http"
      tags = ["a"]
      canary_tags = ["c"]
      enable_tag_override = true
      address_mode = "auto"
      meta { v = "1" }
      check {
        type = "http"
        path = "/health"
        interval = "10s"
        timeout = "2s"
        header { Authorization = ["Basic x"] }
        check_restart { limit = 3 grace = "90s" ignore_warnings = true }
      }
      connect {
        sidecar_service {
          proxy {
            upstreams { destination_name = "db" local_bind_port = 5432 }
          }
        }
      }
    }
    volume "data" { type = "host" source = "data" read_only = true }
    scaling { min = 1 max = 5 enabled = true policy { cooldown = "1m" } }

    task "t" {
      driver = "docker"
      user = "nobody"
      leader = true
      kill_timeout = "20s"
      kill_signal = "SIGINT"
      shutdown_delay = "3s"
      env { A = "1" }
      meta = { m = "x" }
      config {
        image = "redis:3.2"
        args = ["-c", "${NOMAD_TASK_DIR}/conf"]
        port_map { db = 6379 }
      }
      artifact {
        source = "https://example.com/file.tgz"
        destination = "local/"
        mode = "any"
        options { checksum = "md5:abc" }
      }
      template {
        data = <<EOH
key={{ key "k" }}
EOH
        destination = "local/file.env"
        env = true
        change_mode = "signal"
        change_signal = "SIGHUP"
        splay = "10s"
      }
      template { source = "local/in.tpl" destination = "local/out" perms = "0644" left_delimiter = "[[" right_delimiter = "]]" }
      logs { max_files = 3 max_file_size = 5 }
      resources {
        cpu = 200
        memory = 64
        device "nvidia/gpu" {
          count = 2
          constraint { attribute = "${device.attr.memory}" operator = ">=" value = "2 GiB" }
          affinity { attribute = "${device.model}" value = "Tesla" weight = 50 }
        }
      }
      dispatch_payload { file = "input.txt" }
      lifecycle { hook = "prestart" sidecar = false }
      volume_mount { volume = "data" destination = "/data" read_only = true }
      vault { policies = ["q"] change_mode = "restart" }
    }
  }
}
