# One name over all servers: an internal network load balancer with a Route 53 alias. Agents dial
# spire.<zone>:8081 (SPIRE resolves server_address as dns:///name and round-robins the addresses).
# Targets are checked on the health listener's /ready path.

resource "aws_lb" "spire" {
  name               = "${var.cluster_name}-spire"
  load_balancer_type = "network"
  internal           = true
  subnets            = var.private_subnets[*].id

  enable_cross_zone_load_balancing = true
}

resource "aws_lb_target_group" "spire" {
  name        = "${var.cluster_name}-spire"
  port        = local.spire_port
  protocol    = "TCP"
  target_type = "instance"
  vpc_id      = var.vpc_id

  health_check {
    protocol = "HTTP"
    port     = tostring(local.health_port)
    path     = "/ready"
  }
}

resource "aws_lb_target_group_attachment" "spire" {
  for_each         = aws_instance.spire_server
  target_group_arn = aws_lb_target_group.spire.arn
  target_id        = each.value.id
  port             = local.spire_port
}

resource "aws_lb_listener" "spire" {
  load_balancer_arn = aws_lb.spire.arn
  port              = local.spire_port
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.spire.arn
  }
}

resource "aws_route53_record" "spire" {
  zone_id = var.private_zone_id
  name    = "spire.${var.private_zone_name}"
  type    = "A"

  alias {
    name                   = aws_lb.spire.dns_name
    zone_id                = aws_lb.spire.zone_id
    evaluate_target_health = true
  }
}
