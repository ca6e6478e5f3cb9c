// n8n's Logger reads its level once, when the container first builds it: every level on, so the secret scan
// sees debug lines too (they are written in production when N8N_LOG_LEVEL=debug). Import before n8n loads.
process.env.N8N_LOG_LEVEL = 'debug';
