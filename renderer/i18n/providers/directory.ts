export const en = {
  providers: {
    directory: {
      description: 'Open Finance directory: rebuilds of the registered clients, over mutual TLS with FAPI headers.',
      auth: { bearer: 'Bearer token and client certificate' },
      fields: { token: 'Bearer token', customerIpAddress: 'Customer IP address (optional)', customerUserAgent: 'Customer user agent (optional)' },
    },
  },
};
export const fr = {
  providers: {
    directory: {
      description: "Annuaire Open Finance : reconstruction des clients enregistrés, en TLS mutuel avec les en-têtes FAPI.",
      auth: { bearer: 'Jeton Bearer et certificat client' },
      fields: { token: 'Jeton Bearer', customerIpAddress: 'Adresse IP du client (facultatif)', customerUserAgent: 'User agent du client (facultatif)' },
    },
  },
};
