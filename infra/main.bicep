// The bot in Azure, UK South: an App Service (Linux, the container image) under a user-assigned
// managed identity, the Azure Bot registration (single tenant) with its Teams channel, a storage
// account for STORE=azure-blob reached with that identity (no keys: shared-key access is off),
// Key Vault holding the secrets the app reads through Key Vault references, and Application
// Insights with a Log Analytics workspace receiving the container's logs.
// Not compiled here (no Bicep compiler on this machine): `az bicep build --file infra/main.bicep`
// checks it; parameters are described in infra/README.md.

@description('Short name used in every resource name, lower-case letters and digits.')
@minLength(3)
@maxLength(12)
param resourceBaseName string

param location string = 'uksouth'

@description('The container image to run, for example myregistry.azurecr.io/school-improvement-bot:1.0.0.')
param containerImage string

@description('The Entra app registration of the bot (single tenant): its client id. The Toolkit\'s botAadApp/create makes it.')
param botAppId string

@secure()
@description('That app registration\'s client secret; stored in Key Vault.')
param botAppPassword string

@description('Tenant ids allowed to use the bot, comma-separated; the deploying tenant by default.')
param allowedTenantIds string = tenant().tenantId

@description('Entra object ids of the School Improvement Team administrators, comma-separated.')
param sitAdminAadIds string = ''

@description('The tab\'s app id URI for single sign-on (api://DOMAIN/CLIENT_ID); empty leaves the tab\'s sign-in off.')
param ssoAudience string = ''

@secure()
@description('At least 32 random characters signing download links; stored in Key Vault.')
param exportLinkSecret string

@secure()
@description('32 random bytes in base64 encrypting bank details; stored in Key Vault. Empty: the bot takes no bank details (BANK_DETAILS=off).')
param bankDetailsKey string = ''

@allowed(['B1', 'B2', 'S1', 'P0v3', 'P1v3'])
param appServiceSku string = 'B1'

@description('Registry credentials are not used: the identity must have AcrPull on the registry when it is an Azure Container Registry.')
param acrUseManagedIdentity bool = true

var tenantId = tenant().tenantId
var names = {
  identity: 'id-${resourceBaseName}'
  workspace: 'log-${resourceBaseName}'
  insights: 'appi-${resourceBaseName}'
  storage: take('st${resourceBaseName}${uniqueString(resourceGroup().id)}', 24)
  vault: take('kv-${resourceBaseName}-${uniqueString(resourceGroup().id)}', 24)
  plan: 'plan-${resourceBaseName}'
  site: 'app-${resourceBaseName}-${uniqueString(resourceGroup().id)}'
  bot: 'bot-${resourceBaseName}'
}
var container = 'school-improvement-bot'
// Built-in roles: Storage Blob Data Contributor, Key Vault Secrets User.
var blobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
var vaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: names.workspace
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: names.insights
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: names.storage
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource records 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: container
}

resource identityWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, blobDataContributor)
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: names.vault
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource exportLinkSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'export-link-secret'
  properties: { value: exportLinkSecret }
}

resource bankDetailsKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(bankDetailsKey)) {
  parent: vault
  name: 'bank-details-key'
  properties: { value: bankDetailsKey }
}

resource identityReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, vaultSecretsUser)
  properties: {
    roleDefinitionId: vaultSecretsUser
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: names.plan
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

func keyVaultReference(vaultName string, secretName string) string => '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})'
var bankDetailsSettings = empty(bankDetailsKey)
  ? [{ name: 'BANK_DETAILS', value: 'off' }]
  : [{ name: 'BANK_DETAILS_KEY', value: keyVaultReference(vault.name, 'bank-details-key') }]

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: names.site
  location: location
  kind: 'app,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      acrUseManagedIdentityCreds: acrUseManagedIdentity
      acrUserManagedIdentityID: acrUseManagedIdentity ? identity.properties.clientId : null
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        { name: 'WEBSITES_PORT', value: '3978' }
        { name: 'NODE_ENV', value: 'production' }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'MicrosoftAppPassword', value: keyVaultReference(vault.name, 'bot-app-password') }
        { name: 'ALLOWED_TENANT_IDS', value: allowedTenantIds }
        { name: 'SIT_ADMIN_AAD_IDS', value: sitAdminAadIds }
        { name: 'PUBLIC_BASE_URL', value: 'https://${names.site}.azurewebsites.net' }
        { name: 'SSO_AUDIENCE', value: ssoAudience }
        { name: 'EXPORT_LINK_SECRET', value: keyVaultReference(vault.name, 'export-link-secret') }
        { name: 'STORE', value: 'azure-blob' }
        { name: 'AZURE_STORAGE_ACCOUNT_URL', value: storage.properties.primaryEndpoints.blob }
        { name: 'AZURE_STORAGE_CONTAINER', value: container }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ], bankDetailsSettings)
    }
  }
  dependsOn: [identityReadsSecrets, identityWritesBlobs, botPasswordSecret, exportLinkSecretSecret]
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'logs-to-workspace'
  properties: {
    workspaceId: workspace.id
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceHTTPLogs', enabled: true }
    ]
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: names.bot
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: resourceBaseName
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    developerAppInsightsApplicationId: insights.properties.AppId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

// Names the Toolkit writes back to env/.env.<environment> (m365agents.yml's arm/deploy).
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output AZURE_WEBAPP_RESOURCE_ID string = site.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output STORAGE_ACCOUNT_URL string = storage.properties.primaryEndpoints.blob
