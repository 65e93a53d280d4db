# Import a federated bundle by its trust domain name.
terraform import spire_federated_bundle.partner partner.example
