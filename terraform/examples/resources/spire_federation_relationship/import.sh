# Import a federation relationship by its trust domain name.
terraform import spire_federation_relationship.partner partner.example
