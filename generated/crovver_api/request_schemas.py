"""Generated from openapi.yaml by .codegen/request_schemas.py (make generate): what each operation accepts.

REQUEST_SCHEMAS[operation_id] = {"body": JSON Schema or None, "query": object schema, "path": object
schema, "path_names": the path parameters in URL order}; every $ref inlined.
"""

import json
from typing import Any

REQUEST_SCHEMAS: dict[str, dict[str, Any]] = json.loads(
    r"""
{
 "create_tenant": {
  "body": {
   "type": "object",
   "required": [
    "externalTenantId",
    "name",
    "externalUserId"
   ],
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "name": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "externalUserId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "ownerEmail": {
     "type": "string",
     "maxLength": 1000
    },
    "ownerName": {
     "type": "string",
     "maxLength": 1000
    },
    "slug": {
     "type": "string",
     "maxLength": 1000
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_tenants": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "externalUserId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_plans": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_supported_providers": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_subscriptions": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "requestingEntityId"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_subscription_status": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "productSlug": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "tenantId"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "cancel_subscription": {
  "body": {
   "type": "object",
   "required": [
    "externalTenantId",
    "reason"
   ],
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "reason": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "feedback": {
     "type": "string",
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {
    "subscriptionId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "subscriptionId"
   ]
  },
  "path_names": [
   "subscriptionId"
  ]
 },
 "can_access": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId"
   ],
   "if": {
    "not": {
     "required": [
      "featureKey"
     ]
    }
   },
   "then": {
    "required": [
     "productSlug"
    ]
   },
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "featureKey": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "productSlug": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "amount": {
     "type": "integer",
     "minimum": 0,
     "maximum": 1000000000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "can_access_by_query": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "featureKey": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "productSlug": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "amount": {
     "type": "integer",
     "minimum": 0,
     "maximum": 1000000000
    }
   },
   "required": [
    "requestingEntityId",
    "featureKey"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_credit_balance": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "tenantId"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "consume_credits": {
  "body": {
   "type": "object",
   "required": [
    "tenantId",
    "poolKey",
    "amount",
    "idempotencyKey"
   ],
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "poolKey": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "amount": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "idempotencyKey": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "list_available_addons": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "tenantId"
   ]
  },
  "path_names": [
   "tenantId"
  ]
 },
 "purchase_addon": {
  "body": {
   "type": "object",
   "required": [
    "addonId",
    "currency",
    "idempotencyKey"
   ],
   "properties": {
    "addonId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "currency": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "idempotencyKey": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "successUrl": {
     "type": "string",
     "maxLength": 1000
    },
    "cancelUrl": {
     "type": "string",
     "maxLength": 1000
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "tenantId"
   ]
  },
  "path_names": [
   "tenantId"
  ]
 },
 "get_active_addons": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {
    "tenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "tenantId"
   ]
  },
  "path_names": [
   "tenantId"
  ]
 },
 "record_usage": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId",
    "metric"
   ],
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "metric": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "value": {
     "type": "integer",
     "minimum": 0,
     "maximum": 1000000000
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "check_usage_limit": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId",
    "metric"
   ],
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "metric": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "productSlug": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "create_checkout_session": {
  "body": {
   "type": "object",
   "required": [
    "planId"
   ],
   "properties": {
    "planId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "externalUserId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "provider": {
     "type": "string",
     "maxLength": 1000
    },
    "currency": {
     "type": "string",
     "maxLength": 1000
    },
    "totalCapacityUnits": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "totalCapcityUnits": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "quantity": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "userEmail": {
     "type": "string",
     "maxLength": 1000
    },
    "userName": {
     "type": "string",
     "maxLength": 1000
    },
    "successUrl": {
     "type": "string",
     "maxLength": 1000
    },
    "cancelUrl": {
     "type": "string",
     "maxLength": 1000
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_invoices": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   },
   "required": [
    "externalTenantId"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "create_checkout_token": {
  "body": {
   "type": "object",
   "required": [
    "externalTenantId",
    "returnUrl"
   ],
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "returnUrl": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "planId": {
     "type": "string",
     "maxLength": 1000
    },
    "externalUserId": {
     "type": "string",
     "maxLength": 1000
    },
    "userEmail": {
     "type": "string",
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "create_portal_token": {
  "body": {
   "type": "object",
   "required": [
    "externalTenantId",
    "returnUrl"
   ],
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "returnUrl": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "get_capacity_count": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId"
   ],
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "allocate_seat": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId",
    "externalUserId"
   ],
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "externalUserId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "email": {
     "type": "string",
     "maxLength": 1000
    },
    "name": {
     "type": "string",
     "maxLength": 1000
    },
    "confirmProration": {
     "type": "boolean"
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "bulk_allocate_seats": {
  "body": {
   "type": "object",
   "required": [
    "requestingEntityId",
    "users"
   ],
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "users": {
     "type": "array",
     "minItems": 1,
     "maxItems": 100,
     "items": {
      "type": "object",
      "required": [
       "externalUserId"
      ],
      "properties": {
       "externalUserId": {
        "type": "string",
        "minLength": 1,
        "maxLength": 1000
       },
       "email": {
        "type": "string",
        "maxLength": 1000
       },
       "name": {
        "type": "string",
        "maxLength": 1000
       }
      }
     }
    },
    "metadata": {
     "type": "object",
     "additionalProperties": true
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "list_seat_allocations": {
  "body": null,
  "query": {
   "type": "object",
   "properties": {
    "requestingEntityId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "status": {
     "type": "string",
     "enum": [
      "active",
      "removed",
      "all"
     ]
    },
    "page": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "limit": {
     "type": "integer",
     "minimum": 1,
     "maximum": 100
    }
   },
   "required": [
    "requestingEntityId"
   ]
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 },
 "create_proration_checkout": {
  "body": {
   "type": "object",
   "required": [
    "externalTenantId",
    "newCapacity"
   ],
   "properties": {
    "externalTenantId": {
     "type": "string",
     "minLength": 1,
     "maxLength": 1000
    },
    "newCapacity": {
     "type": "integer",
     "minimum": 1,
     "maximum": 1000000000
    },
    "planId": {
     "type": "string",
     "maxLength": 1000
    },
    "successUrl": {
     "type": "string",
     "maxLength": 1000
    },
    "cancelUrl": {
     "type": "string",
     "maxLength": 1000
    }
   }
  },
  "query": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path": {
   "type": "object",
   "properties": {},
   "required": []
  },
  "path_names": []
 }
}
"""
)
