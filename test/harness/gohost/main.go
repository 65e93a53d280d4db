// A small SPIRE stand-in for testing the composer plugin: it loads a CredentialComposer plugin the way
// spire-server does (spire pkg/common/catalog/external.go loadExternal: magic cookie = plugin type,
// protocol version 1, no AutoMTLS, gRPC only, SHA-256 checksum, broker.Accept(1) for host services, then
// Init), runs the steps it reads as JSON on stdin, and issues certificates from the composed attributes
// the way SPIRE's credtemplate builder and CA do (pkg/server/credtemplate/builder.go
// BuildWorkloadX509SVIDTemplate + applyX509SVIDAttributes, pkg/server/ca/ca.go SignWorkloadX509SVID,
// pkg/server/credvalidator/validator.go ValidateX509SVID). One JSON line per step on stdout.
//
// The plugin's messages are written and read with a few lines of protobuf wire encoding, so the host
// needs no generated code: only Debian's go-plugin and gRPC packages. Test-only code; never shipped.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io/ioutil"
	"math/big"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	hclog "github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// hostServiceProviderID is the broker id SPIRE serves its host services on (spire-plugin-sdk
// private/consts.go).
const hostServiceProviderID = 1

type script struct {
	Plugin      string   `json:"plugin"`
	Args        []string `json:"args"`
	Checksum    string   `json:"checksum"`
	Type        string   `json:"type"`
	Name        string   `json:"name"`
	TrustDomain string   `json:"trust_domain"`
	Steps       []step   `json:"steps"`
}

type step struct {
	Op       string   `json:"op"`
	Config   string   `json:"config"`
	SpiffeID string   `json:"spiffe_id"`
	DNSNames []string `json:"dns_names"`
	Out      string   `json:"out"`
}

func emit(v map[string]interface{}) {
	line, _ := json.Marshal(v)
	fmt.Println(string(line))
}

func fail(op string, err error) {
	emit(map[string]interface{}{"op": op, "error": err.Error()})
	os.Exit(1)
}

// ---- protobuf wire format: just enough for these messages ----

type msg []byte

func appendVarint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func (m msg) bytes(field int, v []byte) msg {
	m = appendVarint(m, uint64(field)<<3|2)
	m = appendVarint(m, uint64(len(v)))
	return append(m, v...)
}

func (m msg) str(field int, v string) msg { return m.bytes(field, []byte(v)) }

func (m msg) strs(field int, vs []string) msg {
	for _, v := range vs {
		m = m.str(field, v)
	}
	return m
}

func (m msg) boolean(field int, v bool) msg {
	if !v {
		return m
	}
	m = appendVarint(m, uint64(field)<<3)
	return appendVarint(m, 1)
}

type wireField struct {
	num    int
	varint uint64
	data   []byte
}

func parse(b []byte) ([]wireField, error) {
	var out []wireField
	readVarint := func() (uint64, error) {
		var v uint64
		for shift := uint(0); shift < 64; shift += 7 {
			if len(b) == 0 {
				return 0, errors.New("truncated varint")
			}
			c := b[0]
			b = b[1:]
			v |= uint64(c&0x7f) << shift
			if c < 0x80 {
				return v, nil
			}
		}
		return 0, errors.New("varint too long")
	}
	for len(b) > 0 {
		tag, err := readVarint()
		if err != nil {
			return nil, err
		}
		f := wireField{num: int(tag >> 3)}
		switch tag & 7 {
		case 0:
			if f.varint, err = readVarint(); err != nil {
				return nil, err
			}
		case 2:
			n, err := readVarint()
			if err != nil {
				return nil, err
			}
			if uint64(len(b)) < n {
				return nil, errors.New("truncated field")
			}
			f.data, b = b[:n], b[n:]
		default:
			return nil, fmt.Errorf("unexpected wire type %d", tag&7)
		}
		out = append(out, f)
	}
	return out, nil
}

type rawCodec struct{}

func (rawCodec) Marshal(v interface{}) ([]byte, error) { return *(v.(*msg)), nil }
func (rawCodec) Unmarshal(data []byte, v interface{}) error {
	*(v.(*msg)) = append(msg(nil), data...)
	return nil
}
func (rawCodec) Name() string { return "proto" }

func call(conn *grpc.ClientConn, method string, req msg) (msg, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var resp msg
	err := conn.Invoke(ctx, method, &req, &resp, grpc.ForceCodec(rawCodec{}))
	return resp, err
}

// ---- X509SVIDAttributes <-> Go, as SPIRE's credentialcomposer v1 wrapper converts them ----

func subjectToWire(n pkix.Name) msg {
	var m msg
	m = m.strs(1, n.Country).strs(2, n.Organization).strs(3, n.OrganizationalUnit)
	m = m.strs(4, n.Locality).strs(5, n.Province).strs(6, n.StreetAddress).strs(7, n.PostalCode)
	if n.SerialNumber != "" {
		m = m.str(8, n.SerialNumber)
	}
	if n.CommonName != "" {
		m = m.str(9, n.CommonName)
	}
	return m
}

func attributesToWire(subject pkix.Name, dnsNames []string, exts []pkix.Extension) msg {
	var m msg
	m = m.bytes(1, subjectToWire(subject)).strs(2, dnsNames)
	for _, e := range exts {
		m = m.bytes(3, msg(nil).str(1, e.Id.String()).bytes(2, e.Value).boolean(3, e.Critical))
	}
	return m
}

func parseOID(s string) (asn1.ObjectIdentifier, error) {
	var oid asn1.ObjectIdentifier
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			return nil, fmt.Errorf("invalid OID %q", s)
		}
		oid = append(oid, n)
	}
	return oid, nil
}

func subjectFromWire(b []byte) (pkix.Name, error) {
	var n pkix.Name
	fields, err := parse(b)
	if err != nil {
		return n, err
	}
	for _, f := range fields {
		s := string(f.data)
		switch f.num {
		case 1:
			n.Country = append(n.Country, s)
		case 2:
			n.Organization = append(n.Organization, s)
		case 3:
			n.OrganizationalUnit = append(n.OrganizationalUnit, s)
		case 4:
			n.Locality = append(n.Locality, s)
		case 5:
			n.Province = append(n.Province, s)
		case 6:
			n.StreetAddress = append(n.StreetAddress, s)
		case 7:
			n.PostalCode = append(n.PostalCode, s)
		case 8:
			n.SerialNumber = s
		case 9:
			n.CommonName = s
		case 10:
			sub, err := parse(f.data)
			if err != nil {
				return n, err
			}
			var atv pkix.AttributeTypeAndValue
			for _, g := range sub {
				if g.num == 1 {
					if atv.Type, err = parseOID(string(g.data)); err != nil {
						return n, err
					}
				} else if g.num == 2 {
					atv.Value = string(g.data)
				}
			}
			n.ExtraNames = append(n.ExtraNames, atv)
		}
	}
	return n, nil
}

// applyAttributes copies the composed attributes onto the template, as credtemplate's
// applyX509SVIDAttributes does: subject, DNS names and extra extensions are replaced wholesale.
func applyAttributes(tmpl *x509.Certificate, b []byte) error {
	fields, err := parse(b)
	if err != nil {
		return err
	}
	tmpl.Subject = pkix.Name{}
	tmpl.DNSNames = nil
	tmpl.ExtraExtensions = nil
	for _, f := range fields {
		switch f.num {
		case 1:
			if tmpl.Subject, err = subjectFromWire(f.data); err != nil {
				return err
			}
		case 2:
			tmpl.DNSNames = append(tmpl.DNSNames, string(f.data))
		case 3:
			sub, err := parse(f.data)
			if err != nil {
				return err
			}
			var ext pkix.Extension
			for _, g := range sub {
				switch g.num {
				case 1:
					if ext.Id, err = parseOID(string(g.data)); err != nil {
						return err
					}
				case 2:
					ext.Value = g.data
				case 3:
					ext.Critical = g.varint != 0
				}
			}
			tmpl.ExtraExtensions = append(tmpl.ExtraExtensions, ext)
		}
	}
	return nil
}

// ---- the plugin client, as SPIRE's hcClientPlugin ----

type hcClientPlugin struct {
	goplugin.NetRPCUnsupportedPlugin
}

type hcPlugin struct {
	conn *grpc.ClientConn
	// hostServices serves the brokered connection; SPIRE stops it after killing the plugin.
	hostServices *grpc.Server
}

func (p *hcClientPlugin) GRPCServer(*goplugin.GRPCBroker, *grpc.Server) error {
	return errors.New("not implemented host side")
}

func (p *hcClientPlugin) GRPCClient(ctx context.Context, b *goplugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	listener, err := b.Accept(hostServiceProviderID)
	if err != nil {
		return nil, err
	}
	// No host services are registered: a plugin that dials them gets UNIMPLEMENTED, as from a SPIRE
	// that offers none it asked for.
	server := grpc.NewServer()
	go func() { _ = server.Serve(listener) }()
	return &hcPlugin{conn: c, hostServices: server}, nil
}

// ---- the CA and the X509-SVID, as SPIRE's CA and credtemplate make them ----

type ca struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

func subjectKeyID(pub interface{}) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	var spki struct {
		Algorithm pkix.AlgorithmIdentifier
		PublicKey asn1.BitString
	}
	if _, err := asn1.Unmarshal(der, &spki); err != nil {
		return nil, err
	}
	sum := sha1.Sum(spki.PublicKey.Bytes)
	return sum[:], nil
}

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	return n.Add(n, big.NewInt(1))
}

func newCA(trustDomain string) (*ca, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	ski, err := subjectKeyID(key.Public())
	if err != nil {
		return nil, err
	}
	id, _ := url.Parse("spiffe://" + trustDomain)
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{Country: []string{"US"}, Organization: []string{"SPIFFE"}},
		URIs:                  []*url.URL{id},
		SubjectKeyId:          ski,
		BasicConstraintsValid: true,
		IsCA:                  true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		NotBefore:             now.Add(-10 * time.Second),
		NotAfter:              now.Add(24 * time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	return &ca{cert: cert, key: key}, nil
}

// validateX509SVID checks what SPIRE's credvalidator checks before it hands out an X509-SVID.
func validateX509SVID(svid *x509.Certificate, id string) error {
	switch {
	case !svid.BasicConstraintsValid:
		return errors.New("invalid X509-SVID: basic constraints are not valid")
	case svid.IsCA:
		return errors.New("invalid X509-SVID: cA constraint must not be set")
	case svid.KeyUsage&x509.KeyUsageDigitalSignature == 0:
		return errors.New("invalid X509-SVID: digitalSignature key usage must be set")
	case svid.KeyUsage&^(x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment|x509.KeyUsageKeyAgreement) > 0:
		return errors.New("invalid X509-SVID: only digitalSignature, keyEncipherment, and keyAgreement key usage can be set")
	case len(svid.URIs) == 0:
		return errors.New("invalid X509-SVID: missing URI SAN")
	case len(svid.URIs) > 1 || svid.URIs[0].String() != id:
		return fmt.Errorf("invalid X509-SVID: expected URI SAN %q but got %q", id, svid.URIs)
	}
	return nil
}

type session struct {
	script       script
	client       *goplugin.Client
	conn         *grpc.ClientConn
	hostServices *grpc.Server
	ca           *ca
}

const composerService = "/spire.plugin.server.credentialcomposer.v1.CredentialComposer/"

func (s *session) compose(st step, method string) map[string]interface{} {
	out := map[string]interface{}{"op": st.Op}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		fail(st.Op, err)
	}
	pub, _ := x509.MarshalPKIXPublicKey(key.Public())
	ski, _ := subjectKeyID(key.Public())
	id, err := url.Parse(st.SpiffeID)
	if err != nil {
		fail(st.Op, err)
	}
	now := time.Now()
	// credtemplate buildBaseTemplate + buildX509SVIDTemplate, default subject C=US, O=SPIRE.
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		URIs:                  []*url.URL{id},
		SubjectKeyId:          ski,
		AuthorityKeyId:        s.ca.cert.SubjectKeyId,
		BasicConstraintsValid: true,
		PublicKey:             key.Public(),
		Subject:               pkix.Name{Country: []string{"US"}, Organization: []string{"SPIRE"}},
		NotBefore:             now.Add(-10 * time.Second),
		NotAfter:              now.Add(time.Hour),
		KeyUsage:              x509.KeyUsageKeyEncipherment | x509.KeyUsageKeyAgreement | x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	// BuildWorkloadX509SVIDTemplate: the first DNS name is also the CN.
	if len(st.DNSNames) > 0 {
		tmpl.Subject.CommonName = st.DNSNames[0]
		tmpl.DNSNames = st.DNSNames
	}
	req := msg(nil).bytes(1, attributesToWire(tmpl.Subject, tmpl.DNSNames, tmpl.ExtraExtensions)).
		str(2, st.SpiffeID).bytes(3, pub)
	resp, err := call(s.conn, composerService+method, req)
	switch {
	case status.Code(err) == codes.Unimplemented:
		out["unchanged"] = "unimplemented"
	case err != nil:
		out["error"] = status.Convert(err).Message()
		out["code"] = status.Code(err).String()
		return out
	default:
		fields, err := parse(resp)
		if err != nil {
			fail(st.Op, err)
		}
		out["unchanged"] = false
		found := false
		for _, f := range fields {
			if f.num == 1 {
				found = true
				if err := applyAttributes(tmpl, f.data); err != nil {
					out["error"] = "plugin returned invalid X509SVID attributes: " + err.Error()
					return out
				}
			}
		}
		if !found {
			out["unchanged"] = "no attributes"
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, s.ca.cert, key.Public(), s.ca.key)
	if err != nil {
		out["error"] = "failed to sign X509 SVID: " + err.Error()
		return out
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		fail(st.Op, err)
	}
	if err := validateX509SVID(cert, st.SpiffeID); err != nil {
		out["error"] = err.Error()
		return out
	}
	if _, err := cert.Verify(x509.VerifyOptions{
		Roots:     certPool(s.ca.cert),
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	}); err != nil {
		out["error"] = "does not verify against the CA: " + err.Error()
		return out
	}
	if st.Out != "" {
		certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.ca.cert.Raw})
		if err := ioutil.WriteFile(st.Out, certPEM, 0o644); err != nil {
			fail(st.Op, err)
		}
		if err := ioutil.WriteFile(strings.TrimSuffix(st.Out, filepath.Ext(st.Out))+"-ca.pem", caPEM, 0o644); err != nil {
			fail(st.Op, err)
		}
		out["cert"] = st.Out
	}
	out["ok"] = true
	return out
}

func certPool(c *x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(c)
	return p
}

func configRequest(trustDomain, config string) msg {
	return msg(nil).bytes(1, msg(nil).str(1, trustDomain)).str(2, config)
}

func (s *session) run(st step) {
	switch st.Op {
	case "validate":
		resp, err := call(s.conn, "/spire.service.common.config.v1.Config/Validate", configRequest(s.script.TrustDomain, st.Config))
		if err != nil {
			emit(map[string]interface{}{"op": st.Op, "error": status.Convert(err).Message(), "code": status.Code(err).String()})
			return
		}
		fields, err := parse(resp)
		if err != nil {
			fail(st.Op, err)
		}
		valid := false
		notes := []string{}
		for _, f := range fields {
			if f.num == 1 {
				valid = f.varint != 0
			} else if f.num == 2 {
				notes = append(notes, string(f.data))
			}
		}
		emit(map[string]interface{}{"op": st.Op, "valid": valid, "notes": notes})
	case "configure":
		_, err := call(s.conn, "/spire.service.common.config.v1.Config/Configure", configRequest(s.script.TrustDomain, st.Config))
		if err != nil {
			emit(map[string]interface{}{"op": st.Op, "error": status.Convert(err).Message(), "code": status.Code(err).String()})
			return
		}
		emit(map[string]interface{}{"op": st.Op, "ok": true})
	case "compose_workload":
		emit(s.compose(st, "ComposeWorkloadX509SVID"))
	case "compose_agent":
		emit(s.compose(st, "ComposeAgentX509SVID"))
	case "compose_jwt":
		// JWTSVIDAttributes{claims: Struct{fields: {"sub": Value{string_value}}}}
		value := msg(nil).str(3, st.SpiffeID)
		entry := msg(nil).str(1, "sub").bytes(2, value)
		claims := msg(nil).bytes(1, entry)
		req := msg(nil).bytes(1, msg(nil).bytes(1, claims)).str(2, st.SpiffeID)
		_, err := call(s.conn, composerService+"ComposeWorkloadJWTSVID", req)
		emit(map[string]interface{}{"op": st.Op, "code": status.Code(err).String()})
	case "pid":
		rc := s.client.ReattachConfig()
		emit(map[string]interface{}{"op": st.Op, "pid": rc.Pid, "network": rc.Addr.Network(), "address": rc.Addr.String()})
	case "unload":
		// SPIRE's plugin Close: Deinit (10 s), then Kill (GRPCController.Shutdown, 2 s grace, SIGKILL).
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		var resp msg
		req := msg(nil)
		err := s.conn.Invoke(ctx, "/spire.service.private.init.v1.Init/Deinit", &req, &resp, grpc.ForceCodec(rawCodec{}))
		cancel()
		pid := s.client.ReattachConfig().Pid
		s.client.Kill()
		s.hostServices.GracefulStop()
		emit(map[string]interface{}{
			"op":     st.Op,
			"deinit": status.Code(err).String(),
			"pid":    pid,
			"exited": s.client.Exited(),
		})
	case "hang":
		emit(map[string]interface{}{"op": st.Op})
		select {}
	default:
		fail(st.Op, errors.New("unknown op"))
	}
}

func main() {
	var sc script
	if err := json.NewDecoder(os.Stdin).Decode(&sc); err != nil {
		fail("script", err)
	}
	path, err := filepath.Abs(sc.Plugin)
	if err != nil {
		fail("load", err)
	}
	cmd := exec.Command(path, sc.Args...)
	// spire pkg/common/catalog/cmd_linux.go: the plugin must not outlive the host.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	var secure *goplugin.SecureConfig
	if sc.Checksum != "" {
		sum, err := hex.DecodeString(sc.Checksum)
		if err != nil {
			fail("load", errors.New("checksum is not a valid hex string"))
		}
		secure = &goplugin.SecureConfig{Checksum: sum, Hash: sha256.New()}
	}
	client := goplugin.NewClient(&goplugin.ClientConfig{
		HandshakeConfig: goplugin.HandshakeConfig{
			ProtocolVersion:  1,
			MagicCookieKey:   sc.Type,
			MagicCookieValue: sc.Type,
		},
		Cmd:              cmd,
		AutoMTLS:         false,
		AllowedProtocols: []goplugin.Protocol{goplugin.ProtocolGRPC},
		Plugins:          map[string]goplugin.Plugin{sc.Name: &hcClientPlugin{}},
		Logger:           hclog.New(&hclog.LoggerOptions{Name: "host", Output: os.Stderr, Level: hclog.Debug}),
		SecureConfig:     secure,
	})
	rpcClient, err := client.Client()
	if err != nil {
		client.Kill()
		fail("load", fmt.Errorf("failed to launch plugin: %w", err))
	}
	raw, err := rpcClient.Dispense(sc.Name)
	if err != nil {
		client.Kill()
		fail("load", err)
	}
	loaded := raw.(*hcPlugin)
	conn := loaded.conn

	// spire-plugin-sdk private/init.go Init: the host names its services, the plugin names its own.
	initResp, err := call(conn, "/spire.service.private.init.v1.Init/Init",
		msg(nil).strs(1, []string{"spire.hostservice.server.agentstore.v1.AgentStore", "spire.hostservice.server.identityprovider.v1.IdentityProvider"}))
	if err != nil {
		client.Kill()
		fail("init", err)
	}
	fields, err := parse(initResp)
	if err != nil {
		client.Kill()
		fail("init", err)
	}
	names := []string{}
	for _, f := range fields {
		if f.num == 1 {
			names = append(names, string(f.data))
		}
	}
	emit(map[string]interface{}{"op": "init", "plugin_service_names": names})

	authority, err := newCA(sc.TrustDomain)
	if err != nil {
		client.Kill()
		fail("ca", err)
	}
	s := &session{script: sc, client: client, conn: conn, hostServices: loaded.hostServices, ca: authority}
	for _, st := range sc.Steps {
		s.run(st)
	}
	client.Kill()
}
