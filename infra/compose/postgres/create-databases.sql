-- One database per service, named as in packages/contracts/src/platform-services.ts. The
-- PostgreSQL image runs this once, on an empty data volume; each service container then applies its
-- own migrations before it starts (infra/compose/start-service.sh).
CREATE DATABASE sneakers_user;
CREATE DATABASE sneakers_catalog;
CREATE DATABASE sneakers_coupon;
CREATE DATABASE sneakers_order;
CREATE DATABASE sneakers_payment;
